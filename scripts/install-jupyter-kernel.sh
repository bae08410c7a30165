#!/usr/bin/env bash
# Installs the repository's pinned .NET kernel (Microsoft.dotnet-interactive 1.0.712001, from dotnet-tools.json) as a
# Jupyter kernel that is safe by default:
#   - its HTTP endpoints listen on 127.0.0.1 only (--http-local-only is in the kernel spec's argv; without it the
#     kernel serves its variables over plain HTTP on ports 2048-3000 of every network interface);
#   - telemetry is off (DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT and friends are in the spec's env);
#   - only the C# spec (.net-csharp) is installed. The notebooks are C#, and that kernel still runs #!fsharp and
#     #!pwsh cells; the separate F# and PowerShell specs would only add more kernels listening on ports. Any
#     .net-fsharp or .net-powershell spec left by an earlier plain `dotnet interactive jupyter install` is given
#     the same flag and opt-outs.
# It also restores the local tools and builds the library in Release, because every notebook's first cell loads
# bin/Release/net10.0/RuralEcom.dll and fails with only "compilation error" when it is missing.
#
# Usage: scripts/install-jupyter-kernel.sh
# Re-running it is safe: it rewrites the spec with the same content. The spec goes to Jupyter's per-user data folder
# (~/.local/share/jupyter/kernels on Linux, or $JUPYTER_DATA_DIR/kernels when that is set). Set JUPYTER to the
# jupyter command to use when the one on PATH is not the right one.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1
# Debian's Python 3.11 prints a debugger warning about frozen modules on every jupyter command; it is noise here.
export PYDEVD_DISABLE_FILE_VALIDATION=1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf '%s\n' "$*"; }
fail() { printf 'install-jupyter-kernel: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK is not installed (no 'dotnet' on PATH). See environment.md, section 1."

# 1. Jupyter itself. `dotnet interactive jupyter install` fails without it, so check first and say what to do.
jupyter="${JUPYTER:-jupyter}"
if ! "$jupyter" kernelspec list >/dev/null 2>&1; then
  if [ -z "${JUPYTER:-}" ] && [ -x /usr/bin/jupyter ] && /usr/bin/jupyter kernelspec list >/dev/null 2>&1; then
    jupyter=/usr/bin/jupyter   # e.g. a pyenv python3 first on PATH, with Debian's Jupyter under /usr/bin
  else
    fail "Jupyter is not installed, or '$jupyter kernelspec' does not run.
  The .NET kernel can only be installed into an existing Jupyter. Install Jupyter first, then re-run this script:
    Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y jupyter-client python3-ipykernel jupyter-nbconvert
                    (add jupyter-notebook for the browser interface)
    elsewhere:      python3 -m pip install --user jupyterlab
  If Jupyter is installed under another name, run: JUPYTER=/path/to/jupyter $0"
  fi
fi
command -v python3 >/dev/null 2>&1 || fail "python3 is needed to write the kernel spec (Jupyter needs it too)."

# 2. The pinned kernel and the library the notebooks load.
say "== restoring the pinned local tools (dotnet-tools.json)"
dotnet tool restore
say "== building the library the notebooks load (bin/Release/net10.0/RuralEcom.dll)"
dotnet build RuralEcom.Lib.csproj -c Release --nologo -v q

# 3. Let the tool write its specs (with its logos) into a scratch folder, keep the C# one and make it safe.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
dotnet dotnet-interactive jupyter install --path "$scratch" >/dev/null
[ -f "$scratch/.net-csharp/kernel.json" ] || fail "dotnet-interactive wrote no .net-csharp kernel spec into $scratch."

# Adds --http-local-only (once) and the telemetry opt-outs to each kernel.json given.
make_safe() {
  python3 - "$@" <<'PY'
import json, os, sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        spec = json.load(f)
    argv = spec.get("argv", [])
    if "--http-local-only" not in argv:
        argv.append("--http-local-only")
    spec["argv"] = argv
    env = spec.setdefault("env", {})
    for name in ("DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT", "DOTNET_CLI_TELEMETRY_OPTOUT",
                 "POWERSHELL_TELEMETRY_OPTOUT", "DOTNET_NOLOGO"):
        env[name] = "1"
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)
PY
}
make_safe "$scratch/.net-csharp/kernel.json"
"$jupyter" kernelspec install --user --replace --name .net-csharp "$scratch/.net-csharp" >/dev/null

# 4. Check what Jupyter will actually start, and make older .NET specs safe as well.
specs="$("$jupyter" kernelspec list --json)"
installed="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["kernelspecs"][".net-csharp"]["resource_dir"])' <<< "$specs")"
grep -q -- '--http-local-only' "$installed/kernel.json" || fail "the installed spec $installed/kernel.json lacks --http-local-only."
for other in .net-fsharp .net-powershell; do
  dir="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["kernelspecs"].get(sys.argv[1], {}).get("resource_dir", ""))' "$other" <<< "$specs")"
  if [ -n "$dir" ] && [ -f "$dir/kernel.json" ]; then
    if [ -w "$dir/kernel.json" ]; then
      make_safe "$dir/kernel.json"
      say "== $dir/kernel.json (from an earlier install) now also has --http-local-only and the telemetry opt-outs"
    else
      say "WARNING: $dir/kernel.json (from an earlier install) is not writable and may listen on every interface;"
      say "         remove it with: $jupyter kernelspec remove $other"
    fi
  fi
done

say "== installed the .NET (C#) kernel: $installed/kernel.json"
say "   It listens on 127.0.0.1 only and sends no telemetry. Start Jupyter from inside this repository, so that the"
say "   kernel (\`dotnet interactive\`) is found through dotnet-tools.json, for example:"
say "     cd notebooks && jupyter lab                      # or: jupyter notebook"
say "     $jupyter nbconvert --to notebook --execute --output-dir /tmp/out notebooks/04-canonical-correlation.ipynb"
say "   After changing anything under lib/, rebuild (dotnet build RuralEcom.Lib.csproj -c Release) and restart the kernel."
