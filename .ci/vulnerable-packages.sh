#!/usr/bin/env bash
# Fails (exit 1) when any project resolves a package, direct or transitive, with a known vulnerability.
# Two checks: NuGet's own (`dotnet list package --vulnerable --include-transitive`, which needs a package source
# that serves vulnerability data; the one reached here serves none, so it finds nothing there), and the list kept in
# .ci/known-vulnerable-packages.tsv, matched against `dotnet list package --include-transitive` (works offline).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
projects=(${VULNERABLE_PACKAGES_PROJECTS:-RuralEcom.Lib.csproj cli/RuralEcom.Cli.csproj tests/RuralEcom.Tests/RuralEcom.Tests.csproj tools/NotebookRunner/NotebookRunner.csproj benchmarks/RuralEcom.Benchmarks.csproj})
status=0
for p in "${projects[@]}"; do
  [ -f "$p" ] || { echo "vulnerable-packages: $p is missing (update the list in .ci/vulnerable-packages.sh)"; exit 1; }
  dotnet restore "$p" --nologo -v q >/dev/null
  official="$(dotnet list "$p" package --vulnerable --include-transitive 2>&1)"
  if grep -qE '^\s+> ' <<< "$official"; then
    echo "$official"
    echo "vulnerable-packages: NuGet reports vulnerable packages in $p"
    status=1
  fi
  listed="$(dotnet list "$p" package --include-transitive 2>&1)"
  # Lines "   > Name   [requested]   resolved": the last field is the resolved version.
  found="$(awk -v project="$p" '
    function cmp(a, b,   x, y, i, na, nb) {   # compares dotted versions numerically (pre-release suffixes ignored)
      sub(/-.*/, "", a); sub(/-.*/, "", b)
      na = split(a, x, "."); nb = split(b, y, ".")
      for (i = 1; i <= (na > nb ? na : nb); i++) { if ((x[i] + 0) < (y[i] + 0)) return -1; if ((x[i] + 0) > (y[i] + 0)) return 1 }
      return 0 }
    FNR == NR { if ($0 !~ /^#/ && NF >= 4) { k++; name[k] = $1; lo[k] = $2; hi[k] = $3; adv[k] = $4; what[k] = $0 } next }
    /^[ \t]+> / { pkg = $2; ver = $NF
      for (i = 1; i <= k; i++)
        if (tolower(pkg) == tolower(name[i]) && cmp(ver, lo[i]) >= 0 && cmp(ver, hi[i]) < 0)
          printf "%s: %s %s is vulnerable (%s; fixed in %s)\n", project, pkg, ver, adv[i], hi[i] }
  ' FS='\t' .ci/known-vulnerable-packages.tsv FS=' ' - <<< "$listed" | sort -u)"
  if [ -n "$found" ]; then
    echo "$found"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "vulnerable-packages: no known-vulnerable package in ${#projects[@]} projects (direct and transitive)"
exit "$status"
