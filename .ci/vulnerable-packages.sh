#!/usr/bin/env bash
# Fails (exit 1) when any project resolves a package, direct or transitive, with a known vulnerability.
# Two checks in one restore per project:
#  1. NuGet's audit (NuGetAudit, mode "all" = direct and transitive): with TreatWarningsAsErrors (Directory.Build.props)
#     its NU1901-NU1904 warnings fail the restore. It needs a package source that serves vulnerability data; the one this
#     project's machines reach serves none, so there it finds nothing (checked: it passed Newtonsoft.Json 12.0.3, and so
#     did `dotnet list package --vulnerable --include-transitive`).
#  2. The advisories kept in .ci/known-vulnerable-packages.tsv, matched against every package in the restore's
#     obj/project.assets.json (works offline).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
projects=(${VULNERABLE_PACKAGES_PROJECTS:-RuralEcom.Lib.csproj cli/RuralEcom.Cli.csproj tests/RuralEcom.Tests/RuralEcom.Tests.csproj tools/NotebookRunner/NotebookRunner.csproj benchmarks/RuralEcom.Benchmarks.csproj})
status=0
for p in "${projects[@]}"; do
  [ -f "$p" ] || { echo "vulnerable-packages: $p is missing (update the list in .ci/vulnerable-packages.sh)"; exit 1; }
  if ! dotnet restore "$p" --nologo -v q -p:NuGetAudit=true -p:NuGetAuditMode=all -p:NuGetAuditLevel=low; then
    echo "vulnerable-packages: restoring $p failed (NuGet's audit fails the restore on a vulnerable package: see above)"
    status=1
    continue
  fi
  assets="$(dirname "$p")/obj/project.assets.json"
  [ -f "$assets" ] || { echo "vulnerable-packages: no $assets after restoring $p"; exit 1; }
  # In the "libraries" section each package is a key "Name/Version" followed by "type": "package".
  found="$(awk -v project="$p" '
    function cmp(a, b,   x, y, i, na, nb) {   # compares dotted versions numerically (pre-release suffixes ignored)
      sub(/-.*/, "", a); sub(/-.*/, "", b)
      na = split(a, x, "."); nb = split(b, y, ".")
      for (i = 1; i <= (na > nb ? na : nb); i++) { if ((x[i] + 0) < (y[i] + 0)) return -1; if ((x[i] + 0) > (y[i] + 0)) return 1 }
      return 0 }
    FNR == NR { if ($0 !~ /^#/ && NF >= 4) { k++; name[k] = $1; lo[k] = $2; hi[k] = $3; adv[k] = $4 } next }
    /^  "libraries": \{/ { inlib = 1; next }
    inlib && /^  [^ ]/ { inlib = 0 }
    inlib && /^    "[^"]+\/[^"]+": \{/ { key = $0; sub(/^    "/, "", key); sub(/": \{.*/, "", key); next }
    inlib && key != "" && /"type": "package"/ {
      pkg = key; sub(/\/.*/, "", pkg); ver = key; sub(/^[^\/]*\//, "", ver); key = ""
      for (i = 1; i <= k; i++)
        if (tolower(pkg) == tolower(name[i]) && cmp(ver, lo[i]) >= 0 && cmp(ver, hi[i]) < 0)
          printf "%s: %s %s is vulnerable (%s; fixed in %s)\n", project, pkg, ver, adv[i], hi[i] }
    inlib && /"type": "project"/ { key = "" }
  ' FS='\t' .ci/known-vulnerable-packages.tsv FS=' ' "$assets" | sort -u)"
  if [ -n "$found" ]; then
    echo "$found"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "vulnerable-packages: no known-vulnerable package in ${#projects[@]} projects (direct and transitive)"
exit "$status"
