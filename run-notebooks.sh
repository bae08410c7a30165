#!/usr/bin/env bash
# Re-runs the notebooks headlessly and saves their outputs in place (README command 1).
#   ./run-notebooks.sh                      every notebooks/*.ipynb, in name order
#   ./run-notebooks.sh notebooks/04-*.ipynb only the ones given
# A notebook whose cell fails is reported (notebook, cell number, message) and left unchanged; the failed run is
# saved under results/failed-notebooks/. The exit code is non-zero when any notebook failed.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Paths given relative to the caller's folder are made absolute before moving to the repository root.
args=()
for a in "$@"; do
  if [[ "$a" == -* || "$a" == /* ]]; then args+=("$a"); else args+=("$(pwd)/$a"); fi
done
cd "$root"
dotnet tool restore
dotnet build RuralEcom.Lib.csproj -c Release --nologo -v q
dotnet build tools/NotebookRunner/NotebookRunner.csproj -c Release --nologo -v q
dotnet tools/NotebookRunner/bin/Release/net10.0/NotebookRunner.dll "${args[@]}"
