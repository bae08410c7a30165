namespace RuralEcom.Audit;

/// <summary>Bounds of the design search: sample sizes and numbers of variables tried.</summary>
/// <param name="MinN">Smallest sample size tried (a design also needs n ≥ p + q + 2).</param>
/// <param name="MaxN">Largest sample size tried.</param>
/// <param name="MaxVariables">Largest number of variables per set tried (1..MaxVariables for p and for q).</param>
/// <param name="FitsPerColumn">How many of the best designs to keep per printed column and for the joint ranking.</param>
public sealed record DesignSearchBounds(int MinN = 4, int MaxN = 400, int MaxVariables = 60, int FitsPerColumn = 5)
{
    /// <summary>The number of designs (n, p, q) within the bounds with n ≥ p + q + 2.</summary>
    public long Designs
    {
        get
        {
            long count = 0;
            for (int p = 1; p <= MaxVariables; p++)
                for (int q = 1; q <= MaxVariables; q++)
                    count += Math.Max(0, MaxN - Math.Max(MinN, p + q + 2) + 1);
            return count;
        }
    }
}

/// <summary>
/// One candidate analysis (design, test convention and DF column) of the joint design search and the printed rows of
/// each test column it reproduces.
/// </summary>
/// <param name="Convention">How the tests were computed.</param>
/// <param name="DfColumn">Which degrees of freedom the DF column holds.</param>
/// <param name="N">Sample size.</param>
/// <param name="P">Number of X variables.</param>
/// <param name="Q">Number of Y variables.</param>
/// <param name="CorrelationsUsed">K = min(p, q, number printed): the printed correlations r_1..r_K that enter Λ_k = Π_{k≤i≤K}(1 − r_i²).</param>
/// <param name="WilksRows">Printed Wilks rows reproduced.</param>
/// <param name="DfRows">Printed DF rows reproduced.</param>
/// <param name="SigRows">Printed Sig. rows reproduced.</param>
public sealed record JointDesignFit(TestConvention Convention, DfColumn DfColumn, int N, int P, int Q, int CorrelationsUsed,
    IReadOnlyList<int> WilksRows, IReadOnlyList<int> DfRows, IReadOnlyList<int> SigRows)
{
    /// <summary>Rows reproduced in the three columns together.</summary>
    public int RowsExplained => WilksRows.Count + DfRows.Count + SigRows.Count;
}

/// <summary>How many candidate analyses reproduce every printed row of one column (or of all three together).</summary>
/// <param name="Column">"Wilks", "DF", "Sig." or "all three".</param>
/// <param name="RowsPrinted">Rows the column prints.</param>
/// <param name="Candidates">Candidate analyses (design, convention and, for DF, DF column) reproducing all of them.</param>
/// <param name="Example">The one closest to the stated design, or null.</param>
public sealed record WholeColumnCount(string Column, int RowsPrinted, long Candidates, JointDesignFit? Example);

/// <summary>The result of <see cref="DesignSearch.Run"/>.</summary>
/// <param name="Bounds">The bounds searched.</param>
/// <param name="Candidates">Candidate analyses scored: designs × conventions × DF columns.</param>
/// <param name="Joint">The best candidates by rows reproduced in Wilks, DF and Sig. together, best first.</param>
/// <param name="Stated">The stated design under every convention and DF column.</param>
/// <param name="ColumnFits">Per printed column, the designs and variants that reproduce most rows, with the stated design's own count.</param>
/// <param name="WholeColumns">How many candidates reproduce each whole column.</param>
public sealed record DesignSearchResult(DesignSearchBounds Bounds, long Candidates, IReadOnlyList<JointDesignFit> Joint,
    IReadOnlyList<JointDesignFit> Stated, IReadOnlyList<DesignFit> ColumnFits, IReadOnlyList<WholeColumnCount> WholeColumns)
{
    /// <summary>The joint ranking as a table.</summary>
    public Table JointTable() => new(
        $"Which analysis reproduces the printed tests? n ≤ {Bounds.MaxN}, p and q ≤ {Bounds.MaxVariables}, {TestConventions.All.Count} conventions: {Candidates:N0} candidates",
        ["Convention", "DF column", "n", "p", "q", "K", "Wilks rows", "DF rows", "Sig. rows", "Rows reproduced"],
        Joint.Concat(Stated.Where(s => !Joint.Contains(s))).Select(f => (IReadOnlyList<object?>)new object?[]
        {
            TestConventions.Describe(f.Convention), TestConventions.Describe(f.DfColumn), f.N, f.P, f.Q, f.CorrelationsUsed,
            string.Join(" ", f.WilksRows), string.Join(" ", f.DfRows), string.Join(" ", f.SigRows), f.RowsExplained,
        }),
        note: "K = min(p, q, printed correlations): Λ_k is the product of (1 − r_i²) over the printed r_k..r_K. A row is reproduced when the value recomputed " +
              "from the rounded printed correlations can print as the printed text. The best candidates come first, then the stated design under each convention.");

    /// <summary>How many candidates reproduce each whole column, as a table.</summary>
    public Table WholeColumnTable() => new(
        "How many candidate analyses reproduce a whole printed column?",
        ["Column", "Rows printed", "Candidates reproducing all", "Closest to the stated design"],
        WholeColumns.Select(w => (IReadOnlyList<object?>)new object?[]
        {
            w.Column, w.RowsPrinted, w.Candidates,
            w.Example is { } e ? $"n = {e.N}, p = {e.P}, q = {e.Q}, {TestConventions.Describe(e.Convention)}, DF = {TestConventions.Describe(e.DfColumn)}" : "none",
        }));
}

/// <summary>
/// The joint design search: for every design n ≤ MaxN, p, q ≤ MaxVariables (n ≥ p + q + 2), every
/// <see cref="TestConvention"/> and every <see cref="DfColumn"/>, counts the printed rows of Wilks, DF and Sig. that
/// the candidate reproduces within the printed rounding, and ranks candidates by the total.
/// </summary>
/// <remarks>
/// <para>Closed forms: Λ_k depends on the design only through K = min(p, q, printed), so each (k, K) pair is computed
/// once, with its range [Λ(r + h), Λ(r − h)] from the rounding h of the printed correlations (Λ falls as any r_i rises).
/// Every df is df1 = (p − k + 1)(q − k + 1) or linear in n (<see cref="TestConventions.Linear"/>), so the n that
/// reproduce a printed df form one interval, solved exactly.</para>
/// <para>Pruning: for a fixed (p, q, k, Λ) every p-value falls as n grows (the F statistic grows in proportion to its
/// denominator df, which grows with n; the chi-square multiplier grows with n), so the n that reproduce a printed
/// p-value form one interval, found by two bisections (about 2 log₂(MaxN) p-values instead of MaxN). A sweep over n
/// then adds the three columns' intervals.</para>
/// </remarks>
public static class DesignSearch
{
    private const double Slack = 1e-9;

    /// <summary>The variant name of SAS's approximate standard error in <see cref="DesignFit.Variant"/>.</summary>
    public const string SasStandardError = "SAS's approximate standard error (1 − r²)/√(n − 1)";

    /// <summary>The variant name of the textbook large-sample standard error in <see cref="DesignFit.Variant"/>.</summary>
    public const string LargeSampleStandardError = "large-sample standard error (1 − r²)/√n";

    /// <summary>Runs the joint search and the per-column search.</summary>
    /// <param name="table">The printed figures.</param>
    /// <param name="bounds">The bounds (default n ≤ 400, p and q ≤ 60).</param>
    public static DesignSearchResult Run(ReportedCcaTable table, DesignSearchBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var b = bounds ?? new DesignSearchBounds();
        var model = new Model(table);
        int conventions = TestConventions.All.Count, rows = model.SigRows.Count, maxV = b.MaxVariables;
        // Stage 1: the n-interval of every printed p-value for every convention and (p, q). Rao/SAS and both Bartlett
        // forms are symmetric in p and q, so only p ≤ q is computed for them. Each search starts from the interval
        // found for q − 1 (the endpoints move little from one q to the next).
        var sig = new (int From, int To)[conventions, rows, maxV + 1, maxV + 1];
        Parallel.For(1, maxV + 1, p =>
        {
            for (int c = 0; c < conventions; c++)
            {
                var convention = TestConventions.All[c];
                bool symmetric = convention != TestConvention.RaoStatsmodels;
                for (int r = 0; r < rows; r++)
                {
                    (int From, int To) hint = (0, 0);
                    for (int q = symmetric ? p : 1; q <= maxV; q++)
                    {
                        int nMin = Math.Max(b.MinN, p + q + 2);
                        var found = nMin > b.MaxN ? null : model.SigInterval(convention, model.SigRows[r], p, q, nMin, b.MaxN, hint);
                        sig[c, r, p, q] = found ?? (1, 0);
                        if (found is { } f) hint = f;
                    }
                }
            }
        });
        for (int c = 0; c < conventions; c++)
            if (TestConventions.All[c] != TestConvention.RaoStatsmodels)
                for (int r = 0; r < rows; r++)
                    for (int p = 1; p <= maxV; p++)
                        for (int q = 1; q < p; q++) sig[c, r, p, q] = sig[c, r, q, p];

        // Stage 2: sweep n for every (p, q, convention, DF column), adding the three columns' intervals.
        var perP = new List<Candidate>[maxV + 1];
        var wholeCounts = new long[maxV + 1, 4];
        var wholeBest = new Candidate?[maxV + 1, 4];
        var dfBest = new List<Candidate>[maxV + 1];
        var sigBest = new List<Candidate>[maxV + 1];
        Parallel.For(1, maxV + 1, p =>
        {
            var joint = new List<Candidate>();
            var dfs = new List<Candidate>();
            var sigs = new List<Candidate>();
            var sigDiff = new int[b.MaxN + 2];
            var dfDiff = new int[b.MaxN + 2];
            for (int q = 1; q <= maxV; q++)
            {
                int nMin = Math.Max(b.MinN, p + q + 2);
                if (nMin > b.MaxN) continue;
                int wilks = model.WilksCount(p, q);
                for (int c = 0; c < conventions; c++)
                {
                    var convention = TestConventions.All[c];
                    Array.Clear(sigDiff);
                    for (int r = 0; r < rows; r++)
                        if (sig[c, r, p, q] is var s && s.From <= s.To) { sigDiff[s.From]++; sigDiff[s.To + 1]--; }
                    int bestSig = -1, bestSigN = 0;
                    foreach (var column in TestConventions.Columns(convention))
                    {
                        Array.Clear(dfDiff);
                        foreach (var row in model.DfRows)
                            if (model.DfInterval(convention, column, row, p, q, nMin, b.MaxN) is { } d) { dfDiff[d.From]++; dfDiff[d.To + 1]--; }
                        int sg = 0, df = 0, best = -1, bestN = 0, bestDf = -1, bestDfN = 0;
                        for (int n = 0; n < nMin; n++) { sg += sigDiff[n]; df += dfDiff[n]; }
                        for (int n = nMin; n <= b.MaxN; n++)
                        {
                            sg += sigDiff[n];
                            df += dfDiff[n];
                            int total = wilks + df + sg;
                            if (Better(total, n, best, bestN, table.N)) (best, bestN) = (total, n);
                            if (Better(df, n, bestDf, bestDfN, table.N)) (bestDf, bestDfN) = (df, n);
                            if (column == DfColumn.Numerator && Better(sg, n, bestSig, bestSigN, table.N)) (bestSig, bestSigN) = (sg, n);
                            if (convention == TestConvention.RaoSas && column == DfColumn.Numerator && wilks == model.WilksPrinted) Whole(0, convention, column, n, q);
                            if (df == model.DfRows.Count) Whole(1, convention, column, n, q);
                            if (column == DfColumn.Numerator && sg == rows) Whole(2, convention, column, n, q);
                            if (wilks == model.WilksPrinted && df == model.DfRows.Count && sg == rows) Whole(3, convention, column, n, q);
                        }
                        joint.Add(new(best, convention, column, bestN, p, q));
                        if (model.DfRows.Count > 0) dfs.Add(new(bestDf, convention, column, bestDfN, p, q));
                    }
                    if (rows > 0) sigs.Add(new(bestSig, convention, DfColumn.Numerator, bestSigN, p, q));
                }
            }
            perP[p] = Top(joint, table, b.FitsPerColumn);
            dfBest[p] = Top(dfs, table, b.FitsPerColumn);
            sigBest[p] = Top(sigs, table, b.FitsPerColumn);

            void Whole(int column, TestConvention convention, DfColumn df, int n, int q)
            {
                wholeCounts[p, column]++;
                var current = wholeBest[p, column];
                if (current is not { } c || Distance(n, p, q, table) < Distance(c.N, c.P, c.Q, table))
                    wholeBest[p, column] = new Candidate(0, convention, df, n, p, q);
            }
        });

        JointDesignFit Explain(Candidate c) => model.Explain(c.Convention, c.Column, c.N, c.P, c.Q);
        List<JointDesignFit> Best(List<Candidate>[] lists) => Top(lists.Where(l => l is not null).SelectMany(l => l).ToList(), table, b.FitsPerColumn).Select(Explain).ToList();
        var jointTop = Best(perP);
        var stated = TestConventions.All.SelectMany(c => TestConventions.Columns(c).Select(col => model.Explain(c, col, table.N, table.P, table.Q))).ToArray();
        string[] names = ["Wilks (design enters only through K; counted under Rao F/SAS)", "DF", "Sig.", "all three"];
        int[] printed = [model.WilksPrinted, model.DfRows.Count, model.SigRows.Count, model.WilksPrinted + model.DfRows.Count + model.SigRows.Count];
        var whole = Enumerable.Range(0, 4).Select(c =>
        {
            long count = 0;
            Candidate? example = null;
            for (int p = 1; p <= b.MaxVariables; p++)
            {
                count += wholeCounts[p, c];
                if (wholeBest[p, c] is { } e && (example is not { } x || Distance(e.N, e.P, e.Q, table) < Distance(x.N, x.P, x.Q, table))) example = e;
            }
            return new WholeColumnCount(names[c], printed[c], printed[c] == 0 ? 0 : count, printed[c] == 0 || example is null ? null : Explain(example.Value));
        }).ToArray();

        var columns = new List<DesignFit>();
        columns.AddRange(model.WilksFits(b.FitsPerColumn));
        columns.AddRange(ToColumnFits("Tests: DF", Best(dfBest), stated, f => f.DfRows, model.DfRows.Count, withColumn: true));
        columns.AddRange(ToColumnFits("Tests: Sig.", Best(sigBest), stated.Where(s => s.DfColumn == DfColumn.Numerator), f => f.SigRows, model.SigRows.Count, withColumn: false));
        columns.AddRange(model.ExtraRowFits(b));
        long candidates = b.Designs * TestConventions.All.Sum(c => TestConventions.Columns(c).Count);
        return new DesignSearchResult(b, candidates, jointTop, stated, columns, whole);
    }

    /// <summary>
    /// The rows a single candidate reproduces, evaluated directly at n (no intervals): the reference the search's
    /// intervals are tested against.
    /// </summary>
    /// <param name="table">The printed figures.</param>
    /// <param name="convention">The test convention.</param>
    /// <param name="column">The DF column.</param>
    /// <param name="n">Sample size.</param>
    /// <param name="p">Number of X variables.</param>
    /// <param name="q">Number of Y variables.</param>
    public static JointDesignFit Explain(ReportedCcaTable table, TestConvention convention, DfColumn column, int n, int p, int q) =>
        new Model(table).Explain(convention, column, n, p, q);

    private static bool Better(int count, int n, int best, int bestN, int statedN) =>
        count > best || (count == best && Math.Abs(n - statedN) < Math.Abs(bestN - statedN));

    private static int Distance(int n, int p, int q, ReportedCcaTable t) => Math.Abs(n - t.N) + Math.Abs(p - t.P) + Math.Abs(q - t.Q);

    /// <summary>A scored candidate before its rows are listed.</summary>
    private readonly record struct Candidate(int Score, TestConvention Convention, DfColumn Column, int N, int P, int Q);

    private static List<Candidate> Top(List<Candidate> fits, ReportedCcaTable t, int keep) =>
        fits.OrderByDescending(f => f.Score).ThenBy(f => Distance(f.N, f.P, f.Q, t)).ThenBy(f => f.Convention).ThenBy(f => f.Column)
            .ThenBy(f => f.N).ThenBy(f => f.P).ThenBy(f => f.Q).Take(keep).ToList();

    private static IEnumerable<DesignFit> ToColumnFits(string column, IEnumerable<JointDesignFit> best, IEnumerable<JointDesignFit> stated,
        Func<JointDesignFit, IReadOnlyList<int>> rows, int printed, bool withColumn)
    {
        if (printed == 0) return [];
        var list = best.Concat(stated.Where(s => !best.Contains(s))).ToList();
        return list.Select(f => new DesignFit(column,
            TestConventions.Describe(f.Convention) + (withColumn ? ", " + TestConventions.Describe(f.DfColumn) : ""),
            f.N, f.P, f.Q, $"first {f.CorrelationsUsed}", rows(f).Count, printed, rows(f)));
    }

    /// <summary>The printed figures in the form the search needs, with everything that does not depend on the design precomputed.</summary>
    private sealed class Model
    {
        private readonly ReportedCcaTable _t;
        private readonly double[] _r, _h;
        private readonly double[,] _lambdaLo, _lambdaHi; // [k, K], 1-based
        private readonly bool[,] _wilksFits;
        private readonly double[] _lawleyLo, _lawleyHi;
        private readonly ReportedTestRow[] _wilksRows;
        private readonly bool _valid;

        public Model(ReportedCcaTable table)
        {
            _t = table;
            _r = table.Correlations.Select(c => c.Value).ToArray();
            _h = table.Correlations.Select(c => c.HalfUnit).ToArray();
            Count = _r.Length;
            _valid = _r.All(v => v >= 0 && v < 1);
            _wilksRows = table.Tests.Where(t => t.Wilks is not null).ToArray();
            WilksPrinted = _wilksRows.Length;
            DfRows = table.Tests.Where(t => (t.Df ?? t.DenDf) is not null).ToArray();
            SigRows = _valid ? table.Tests.Where(t => t.P is not null).ToArray() : [];
            _lambdaLo = new double[Count + 1, Count + 1];
            _lambdaHi = new double[Count + 1, Count + 1];
            _wilksFits = new bool[Count + 1, Count + 1];
            _lawleyLo = new double[Count + 1];
            _lawleyHi = new double[Count + 1];
            if (!_valid) return;
            for (int last = 1; last <= Count; last++)
                for (int k = 1; k <= last; k++)
                {
                    double lo = 1, hi = 1;
                    for (int i = k - 1; i < last; i++)
                    {
                        double up = Math.Min(_r[i] + _h[i], 1 - 1e-12), down = Math.Max(_r[i] - _h[i], 0);
                        lo *= 1 - up * up;
                        hi *= 1 - down * down;
                    }
                    _lambdaLo[k, last] = lo;
                    _lambdaHi[k, last] = hi;
                    var printed = table.Tests.FirstOrDefault(t => t.Row == k)?.Wilks;
                    _wilksFits[k, last] = printed is not null && printed.Admits((lo + hi) / 2, (hi - lo) / 2);
                }
            for (int k = 2; k <= Count; k++)
            {
                double up = Math.Min(_r[k - 2] + _h[k - 2], 1), down = _r[k - 2] - _h[k - 2];
                _lawleyLo[k] = _lawleyLo[k - 1] + 1 / (up * up);
                _lawleyHi[k] = _lawleyHi[k - 1] + (down > 0 ? 1 / (down * down) : double.PositiveInfinity);
            }
        }

        public int Count { get; }

        public int WilksPrinted { get; }

        public IReadOnlyList<ReportedTestRow> DfRows { get; }

        public IReadOnlyList<ReportedTestRow> SigRows { get; }

        private int K(int p, int q) => Math.Min(Math.Min(p, q), Count);

        public int WilksCount(int p, int q)
        {
            if (!_valid) return 0;
            int k = K(p, q), count = 0;
            foreach (var row in _wilksRows) if (row.Row >= 1 && row.Row <= k && _wilksFits[row.Row, k]) count++;
            return count;
        }

        private static ReportedNumber DfOf(ReportedTestRow row) => (row.Df ?? row.DenDf)!;

        /// <summary>The n in [nMin, nMax] whose df prints as the row's DF, in closed form.</summary>
        public (int From, int To)? DfInterval(TestConvention convention, DfColumn column, ReportedTestRow row, int p, int q, int nMin, int nMax)
        {
            int k = row.Row;
            if (k < 1 || k > Math.Min(p, q)) return null;
            var printed = DfOf(row);
            double lo = printed.Value - printed.HalfUnit - Slack, hi = printed.Value + printed.HalfUnit + Slack;
            double df1 = (double)(p - k + 1) * (q - k + 1);
            if (column == DfColumn.Numerator || !TestConventions.IsRao(convention))
                return df1 >= lo && df1 <= hi ? (nMin, nMax) : null;
            var (slope, intercept) = TestConventions.Linear(convention, k, p, q);
            double shift = intercept + (column == DfColumn.Sum ? df1 : 0);
            int from = Math.Max(nMin, (int)Math.Ceiling((lo - shift) / slope)), to = Math.Min(nMax, (int)Math.Floor((hi - shift) / slope));
            return from <= to ? (from, to) : null;
        }

        /// <summary>The smallest p-value the rounding allows at n (Λ at r + h, Lawley's sum at r − h).</summary>
        private double PLow(TestConvention convention, int k, int kk, int n, int p, int q) =>
            TestConventions.Test(convention, k, _lambdaLo[k, kk], n, p, q, _lawleyHi[k]).PValue;

        /// <summary>The largest p-value the rounding allows at n.</summary>
        private double PHigh(TestConvention convention, int k, int kk, int n, int p, int q) =>
            TestConventions.Test(convention, k, _lambdaHi[k, kk], n, p, q, _lawleyLo[k]).PValue;

        private static bool LowFits(ReportedNumber printed, double low) =>
            !double.IsNaN(low) && (printed.IsUpperBound ? low < printed.Value : low <= printed.Value + printed.HalfUnit + Slack);

        private static bool HighFits(ReportedNumber printed, double high) =>
            printed.IsUpperBound || (!double.IsNaN(high) && high >= printed.Value - printed.HalfUnit - Slack);

        /// <summary>
        /// The n in [nMin, nMax] whose p-value range meets the printed p-value. Both ends of the range fall as n grows, so
        /// "the smallest p-value is small enough" holds from some n on and "the largest is large enough" up to some n;
        /// each switch point is found by a search that starts at the hint and doubles its step, then bisects.
        /// </summary>
        public (int From, int To)? SigInterval(TestConvention convention, ReportedTestRow row, int p, int q, int nMin, int nMax, (int From, int To) hint = default)
        {
            int k = row.Row, kk = K(p, q);
            if (k < 1 || k > kk) return null;
            var printed = row.P!;
            var (slope, intercept) = TestConventions.Linear(convention, k, p, q);
            // First n where the test has degrees of freedom (and a positive chi-square multiplier).
            int valid = Math.Max(nMin, (int)Math.Floor(-(intercept + (convention == TestConvention.BartlettLawley ? _lawleyLo[k] : 0)) / slope) + 1);
            if (valid > nMax) return null;
            bool A(int n) => LowFits(printed, PLow(convention, k, kk, n, p, q));
            bool B(int n) => HighFits(printed, PHigh(convention, k, kk, n, p, q));
            if (!A(nMax)) return null;
            int from = FirstTrue(A, valid, nMax, hint.From);
            if (printed.IsUpperBound) return (from, nMax);
            if (!B(from)) return null;
            int to = LastTrue(B, from, nMax, hint.To);
            return (from, to);
        }

        /// <summary>The first n in [lo, hi] with pred true, for pred false…false true…true with pred(hi) true.</summary>
        private static int FirstTrue(Func<int, bool> pred, int lo, int hi, int hint)
        {
            if (hint > lo && hint < hi)
            {
                int step = 1;
                if (pred(hint))
                {
                    hi = hint;
                    while (hint - step >= lo && pred(hint - step)) { hi = hint - step; step *= 2; }
                    lo = Math.Max(lo, hint - step);
                }
                else
                {
                    lo = hint + 1;
                    while (hint + step < hi && !pred(hint + step)) { lo = hint + step + 1; step *= 2; }
                    hi = Math.Min(hi, hint + step);
                }
            }
            while (lo < hi) { int mid = (lo + hi) / 2; if (pred(mid)) hi = mid; else lo = mid + 1; }
            return lo;
        }

        /// <summary>The last n in [lo, hi] with pred true, for pred true…true false…false with pred(lo) true.</summary>
        private static int LastTrue(Func<int, bool> pred, int lo, int hi, int hint) =>
            // Mirrored, m = lo + hi − n, "true then false" becomes "false then true".
            lo + hi - FirstTrue(m => pred(lo + hi - m), lo, hi, lo + hi - hint);

        public JointDesignFit Explain(TestConvention convention, DfColumn column, int n, int p, int q)
        {
            int kk = K(p, q);
            var wilks = _valid ? _wilksRows.Where(r => r.Row >= 1 && r.Row <= kk && _wilksFits[r.Row, kk]).Select(r => r.Row).ToArray() : [];
            var df = DfRows.Where(r => r.Row >= 1 && r.Row <= Math.Min(p, q) && n >= p + q + 2 && DfOf(r).Admits(TestConventions.Df(convention, column, r.Row, n, p, q)))
                .Select(r => r.Row).ToArray();
            var sig = SigRows.Where(r => r.Row >= 1 && r.Row <= kk && n >= p + q + 2
                    && LowFits(r.P!, PLow(convention, r.Row, kk, n, p, q)) && HighFits(r.P!, PHigh(convention, r.Row, kk, n, p, q)))
                .Select(r => r.Row).ToArray();
            return new JointDesignFit(convention, column, n, p, q, kk, wilks, df, sig);
        }

        /// <summary>Wilks' column against products over the first K printed correlations, every K.</summary>
        public IEnumerable<DesignFit> WilksFits(int keep)
        {
            if (WilksPrinted == 0 || !_valid) return [];
            var fits = new List<DesignFit>();
            for (int last = 1; last <= Count; last++)
            {
                int end = last;
                var rows = _wilksRows.Where(t => t.Row >= 1 && t.Row <= end && _wilksFits[t.Row, end]).Select(t => t.Row).ToArray();
                fits.Add(new DesignFit("Tests: Wilks", $"Λ_k = Π (1 − r_i²) over printed r_k..r_{end}", 0, 0, 0,
                    end == Count ? "all printed" : $"first {end}", rows.Length, WilksPrinted, rows));
            }
            var ranked = fits.OrderByDescending(f => f.RowsExplained).ThenBy(f => f.CorrelationList == $"first {Math.Min(_t.P, _t.Q)}" ? 0 : 1).ToList();
            var chosen = ranked.Take(keep).ToList();
            var statedFit = fits.FirstOrDefault(f => f.CorrelationList == $"first {Math.Min(_t.P, _t.Q)}");
            if (statedFit is not null && !chosen.Contains(statedFit)) chosen.Add(statedFit);
            return chosen;
        }

        /// <summary>Each row printed under the correlations, against every quantity it could be.</summary>
        public IEnumerable<DesignFit> ExtraRowFits(DesignSearchBounds b) => _valid ? _t.ExtraRows.SelectMany(row => ExtraRowFits(row, b)) : [];

        private List<DesignFit> ExtraRowFits(ReportedExtraRow extra, DesignSearchBounds b)
        {
            string column = $"Correlations: {extra.Label}";
            var props = extra.Values;
            var fits = new List<DesignFit>();
            for (int last = 1; last <= Count; last++)
            {
                int end = last;
                var rows = Enumerable.Range(1, Math.Min(end, props.Count))
                    .Where(i => Judge(props[i - 1], Propagation.Of(_r.Take(end).ToArray(), _h.Take(end).ToArray(), rr => ExtraRows.Proportion(rr, i - 1)))).ToArray();
                fits.Add(new DesignFit(column, $"eigenvalue proportion over r_1..r_{end} (SAS \"Proportion\")", 0, 0, 0, end == Count ? "all printed" : $"first {end}", rows.Length, props.Count, rows));
            }
            var sq = Enumerable.Range(1, Math.Min(Count, props.Count)).Where(i => Judge(props[i - 1], Propagation.Of(_r, _h, rr => rr[i - 1] * rr[i - 1]))).ToArray();
            fits.Add(new DesignFit(column, "squared canonical correlation r²", 0, 0, 0, "all printed", sq.Length, props.Count, sq));
            foreach (var (variant, offset) in new[] { (SasStandardError, 1.0), (LargeSampleStandardError, 0.0) })
                for (int n = Math.Max(b.MinN, 2); n <= b.MaxN; n++)
                {
                    double root = Math.Sqrt(n - offset);
                    var se = Enumerable.Range(1, Math.Min(Count, props.Count)).Where(i => Judge(props[i - 1], Propagation.Of(_r, _h, rr => (1 - rr[i - 1] * rr[i - 1]) / root))).ToArray();
                    if (se.Length > 0) fits.Add(new DesignFit(column, variant, n, 0, 0, "all printed", se.Length, props.Count, se));
                }
            return fits.OrderByDescending(f => f.RowsExplained).ThenBy(f => f.N == 0 ? 0 : Math.Abs(f.N - _t.N)).ThenBy(f => f.Variant, StringComparer.Ordinal)
                .Take(b.FitsPerColumn).ToList();
        }

        private static bool Judge(ReportedNumber printed, (double Value, double Tolerance) x) => printed.Admits(x.Value, x.Tolerance);
    }
}
