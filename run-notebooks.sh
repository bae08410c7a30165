#!/usr/bin/env bash
# Re-runs the notebooks headlessly and saves their outputs in place (README command 1).
#   ./run-notebooks.sh                      every notebooks/*.ipynb, in name order
#   ./run-notebooks.sh notebooks/04-*.ipynb only the ones given
#   ./run-notebooks.sh --scripts [nb ...]   only regenerate the file-based apps notebooks/scripts/NN-name.cs
# After running the notebooks it regenerates their file-based apps (notebooks/scripts/, see environment.md).
# A notebook whose cell fails is reported (notebook, cell number, message) and left unchanged; the failed run is
# saved under results/failed-notebooks/. The exit code is non-zero when any notebook failed.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Paths given relative to the caller's folder are made absolute before moving to the repository root.
args=()
scripts_only=0
for a in "$@"; do
  if [[ "$a" == --scripts ]]; then scripts_only=1
  elif [[ "$a" == -* || "$a" == /* ]]; then args+=("$a"); else args+=("$(pwd)/$a"); fi
done
cd "$root"
runner=tools/NotebookRunner/bin/Release/net10.0/NotebookRunner.dll
dotnet build tools/NotebookRunner/NotebookRunner.csproj -c Release --nologo -v q
if [ "$scripts_only" = 1 ]; then
  exec dotnet "$runner" export-scripts "${args[@]}"
fi
dotnet tool restore
dotnet build RuralEcom.Lib.csproj -c Release --nologo -v q
rc=0
dotnet "$runner" "${args[@]}" || rc=$?
dotnet "$runner" export-scripts "${args[@]}" || rc=$?
exit "$rc"
