#!/usr/bin/env bash
# Side by side in one run: R's cancor (Debian's r-base-core, installed here when absent) and the matching
# BenchmarkDotNet cases, back to back, then the ratios R / RuralEcom. Ratios survive a noisy shared machine;
# absolute times do not. Usage, from anywhere:
#   benchmarks/compare.sh            # the 55-sample fit, 10,000 permutations, one 1,000,000 x (50 + 50) fit
#   LARGE_ROWS=200000 benchmarks/compare.sh   # a smaller large fit for R (RuralEcom's case stays 1,000,000 rows)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! command -v Rscript > /dev/null; then
  echo "== installing R (r-base-core) with apt-get" >&2
  apt-get update && apt-get install -y --no-install-recommends r-base-core
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
large_rows="${LARGE_ROWS:-1000000}"

echo "== R $(Rscript -e 'cat(R.version$major, R.version$minor, sep=".")' 2>/dev/null): cancor" >&2
Rscript benchmarks/compare.R "$work/r.csv" "$large_rows"

echo "== RuralEcom: BenchmarkDotNet" >&2
dotnet run -c Release --project benchmarks -- --artifacts "$work/bdn" \
  --filter '*SmallSampleBenchmarks.FitOnly' '*ResamplingBenchmarks.Permutations10000' '*LargeSampleBenchmarks.FitLarge' >&2

# BenchmarkDotNet's CSV reports: the Median column, with its unit (ns, μs, ms, s).
python3 - "$work" "$large_rows" <<'PY'
import csv, glob, sys
work, large_rows = sys.argv[1], int(sys.argv[2])
unit = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
ours = {}
for path in glob.glob(f"{work}/bdn/results/*-report.csv"):
    for row in csv.DictReader(open(path, encoding="utf-8")):
        value, u = row["Median"].replace(",", "").split()
        ours[row["Method"]] = float(value) * unit[u]
r = {row["case"]: float(row["seconds"]) for row in csv.DictReader(open(f"{work}/r.csv"))}
labels = {
    "FitOnly": "One fit, 55 × (8 + 11) (R: cancor; RuralEcom: Fit)",
    "Permutations10000": "10,000 permutations (R: cancor per permutation; RuralEcom: 8 stepwise tests each)",
    "FitLarge": f"One fit, 1,000,000 × (50 + 50) (R on {large_rows:,} rows, scaled ×{1000000 / large_rows:g})",
}
def show(seconds):
    for limit, name, scale in ((1e-3, "µs", 1e6), (1, "ms", 1e3)):
        if seconds < limit: return f"{seconds * scale:.3g} {name}"
    return f"{seconds:.3g} s"
print("| Case | R cancor | RuralEcom | R / RuralEcom |")
print("|---|---:|---:|---:|")
for case, label in labels.items():
    if case not in r or case not in ours: continue
    rt = r[case] * (1000000 / large_rows if case == "FitLarge" else 1)
    print(f"| {label} | {show(rt)} | {show(ours[case])} | {rt / ours[case]:.0f} |")
PY
