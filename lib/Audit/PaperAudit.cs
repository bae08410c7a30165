using System.Globalization;
using RuralEcom.Significance;

namespace RuralEcom.Audit;

/// <summary>Bounds of the design search: sample sizes and numbers of variables tried.</summary>
/// <param name="MinN">Smallest sample size tried.</param>
/// <param name="MaxN">Largest sample size tried.</param>
/// <param name="MaxVariables">Largest number of variables per set tried (1..MaxVariables for p and for q).</param>
/// <param name="FitsPerColumn">How many of the best fits to keep per printed column.</param>
public sealed record DesignSearchBounds(int MinN = 20, int MaxN = 200, int MaxVariables = 15, int FitsPerColumn = 5);

/// <summary>
/// Audits a published canonical correlation analysis: recomputes every derived figure from the printed canonical
/// correlations and the stated design (n, p, q), judges each printed figure consistent (within the rounding of
/// its digits and of the printed inputs), inconsistent or impossible, checks the printed canonical equations
/// against the design and the text, and, where printed columns disagree with the stated design, searches designs
/// and computation variants that reproduce them.
/// </summary>
/// <remarks>
/// <para>Rounding: a recomputed figure f(r_1, …, r_k) is given the tolerance Σ_j |f(r + h_j e_j) − f(r − h_j e_j)| / 2,
/// with h_j half a unit in the last printed digit of r_j (first-order propagation of the printed rounding); it is
/// consistent if |f − printed| ≤ that tolerance + half a unit of the printed figure.</para>
/// <para>Variants tried: Rao's F for Wilks' lambda with SAS PROC CANCORR's degrees of freedom (also R's
/// candisc::Wilks and CCP::p.asym; see <see cref="SignificanceTests"/>); statsmodels' CanCorr.corr_test, whose
/// denominator df is r t − (p_k q_k − 2)/2 with r = (n − q − 1) − (p_k − q_k + 1)/2 (Y as endog, q its number of
/// variables; statsmodels/multivariate/cancorr.py); Bartlett's chi-square with (p − k + 1)(q − k + 1) df (also the
/// numerator df of Rao's F, and what the SPSS canonical correlation macro prints as DF); the lambdas from the first
/// min(p, q) printed correlations or from all printed ones. For a row printed under the correlations: SAS's
/// eigenvalue proportion, squared correlations, and SAS's approximate standard error (1 − r²)/√(n − 1).</para>
/// </remarks>
public static class PaperAudit
{
    private const string Rao = "Rao F, SAS PROC CANCORR df";
    private const string Statsmodels = "Rao F, statsmodels CanCorr df";
    private const string BartlettVariant = "Bartlett chi-square, df (p−k+1)(q−k+1)";

    /// <summary>Audits a reported table.</summary>
    /// <param name="table">The printed figures.</param>
    /// <param name="bounds">The design-search bounds (default n 20..200, p and q 1..15).</param>
    public static AuditReport Run(ReportedCcaTable table, DesignSearchBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        bounds ??= new DesignSearchBounds();
        var findings = new List<AuditFinding>();
        int n = table.N, p = table.P, q = table.Q, k = Math.Min(p, q);
        var printed = table.Correlations;
        var r = printed.Select(c => c.Value).ToArray();
        var h = printed.Select(c => c.HalfUnit).ToArray();
        string design = $"n = {n}, p = {p}, q = {q}";

        if (n < p + q + 2)
            findings.Add(new("Design", "n", n.ToString(CultureInfo.InvariantCulture), "", AuditVerdict.Impossible,
                $"{design}: the Wilks test needs n ≥ p + q + 2 = {p + q + 2}."));

        if (table.StatedMaximumPairs is { } max && max != k)
            findings.Add(new("Text", "number of canonical pairs", $"t ≤ {max}", k.ToString(CultureInfo.InvariantCulture),
                max > k ? AuditVerdict.Inconsistent : AuditVerdict.Impossible,
                $"{design}: canonical correlation analysis yields exactly min(p, q) = {k} pairs, whatever n is."));
        CheckCorrelations(table, findings, r, k, design);
        var usable = r.Take(k).ToArray();
        var usableH = h.Take(k).ToArray();
        bool canTest = usable.Length == k && usable.All(v => v >= 0 && v < 1) && n >= p + q + 2;

        if (table.Proportions.Count > 0)
        {
            string label = table.ProportionLabel ?? "Row under the correlations";
            for (int i = 0; i < table.Proportions.Count; i++)
            {
                var reported = table.Proportions[i];
                if (i >= k)
                {
                    findings.Add(new(table.CorrelationSection, $"{label} {i + 1}", reported.Text, "", AuditVerdict.Impossible,
                        $"{design} give {k} canonical pairs; a value for pair {i + 1} cannot exist."));
                    continue;
                }
                int idx = i;
                var (value, tol) = Propagate(usable, usableH, rr => Proportion(rr, idx));
                findings.Add(Judge(table.CorrelationSection, $"{label} {i + 1}", reported, value, tol, "F3",
                    "eigenvalue proportion λ_i/Σλ with λ = r²/(1 − r²) (SAS \"Proportion\") from the first min(p, q) correlations"));
            }
        }

        foreach (var row in table.Tests)
        {
            string item = $"row {row.Row}";
            if (row.Row > k || row.Row < 1)
            {
                foreach (var (name, value) in Columns(row))
                    findings.Add(new(table.TestSection, $"{item}, {name}", value.Text, "", AuditVerdict.Impossible,
                        $"{design} give {k} canonical correlations, so there are only {k} sequential tests; row {row.Row} cannot exist."));
                continue;
            }
            if (!canTest) continue;
            int kk = row.Row;
            var (lambda, lambdaTol) = Propagate(usable, usableH, rr => Lambda(rr, kk, rr.Length));
            var wilks = SignificanceTests.WilksRow(kk, lambda, n, p, q);
            var (pValue, pTol) = Propagate(usable, usableH, rr => SignificanceTests.WilksRow(kk, Lambda(rr, kk, rr.Length), n, p, q).PValue);
            if (row.Wilks is { } w)
                findings.Add(Judge(table.TestSection, $"{item}, Wilks", w, lambda, lambdaTol, "F4", $"Λ_{kk} = Π_{{i≥{kk}}} (1 − r_i²) over r_{kk}..r_{k}"));
            if (row.Df is { } df)
            {
                bool isDf1 = df.Admits(wilks.Df1), isDf2 = df.Admits(wilks.Df2);
                findings.Add(new(table.TestSection, $"{item}, DF", df.Text,
                    $"{wilks.Df1.ToString("0.###", CultureInfo.InvariantCulture)} and {wilks.Df2.ToString("0.###", CultureInfo.InvariantCulture)}",
                    isDf1 || isDf2 ? AuditVerdict.Consistent : AuditVerdict.Inconsistent,
                    $"Rao's F for {design} has numerator df {wilks.Df1:0.###} and denominator df {wilks.Df2:0.###}" +
                    (isDf1 ? " (the printed value is the numerator df)." : isDf2 ? " (the printed value is the denominator df)." : "; the printed value is neither (see the design search).")));
            }
            if (row.P is { } pv)
                findings.Add(Judge(table.TestSection, $"{item}, Sig.", pv, pValue, pTol, "G4", $"Rao's F p-value for {design} with Λ recomputed from the printed correlations"));
            if (row.F is { } f)
            {
                var (fv, fTol) = Propagate(usable, usableH, rr => SignificanceTests.WilksRow(kk, Lambda(rr, kk, rr.Length), n, p, q).F);
                findings.Add(Judge(table.TestSection, $"{item}, F", f, fv, fTol, "F3", $"Rao's F for {design}"));
            }
            if (row.ChiSquare is { } chi)
            {
                var (cv, cTol) = Propagate(usable, usableH, rr => SignificanceTests.Bartlett(kk, Lambda(rr, kk, rr.Length), n, p, q).ChiSquare);
                findings.Add(Judge(table.TestSection, $"{item}, Chi-square", chi, cv, cTol, "F3", $"Bartlett's chi-square for {design}"));
            }
        }

        CheckEquations(table, findings, k);
        CheckClaims(table, findings);
        var fits = SearchDesigns(table, bounds);
        return new AuditReport(table, findings, fits);
    }

    private static void CheckCorrelations(ReportedCcaTable table, List<AuditFinding> findings, double[] r, int k, string design)
    {
        var admissible = new List<int>();
        for (int i = 0; i < r.Length; i++)
        {
            string item = $"r{i + 1}";
            if (i >= k)
                findings.Add(new(table.CorrelationSection, item, table.Correlations[i].Text, "", AuditVerdict.Impossible,
                    $"{design}: there are exactly min(p, q) = {k} canonical correlations; a {Ordinal(i + 1)} cannot exist."));
            else if (!(r[i] >= 0 && r[i] < 1))
                findings.Add(new(table.CorrelationSection, item, table.Correlations[i].Text, "", AuditVerdict.Impossible,
                    "A canonical correlation lies in [0, 1) (1 only for an exact linear dependence between the sets)."));
            else if (i > 0 && r[i] > r[i - 1])
                findings.Add(new(table.CorrelationSection, item, table.Correlations[i].Text, "", AuditVerdict.Inconsistent,
                    $"Canonical correlations are printed largest first; r{i + 1} exceeds r{i}."));
            else admissible.Add(i + 1);
        }
        if (admissible.Count > 0)
            findings.Add(new(table.CorrelationSection, admissible.Count == 1 ? $"r{admissible[0]}" : $"r{admissible[0]}–r{admissible[^1]}",
                string.Join(", ", admissible.Select(i => table.Correlations[i - 1].Text)), "", AuditVerdict.Consistent,
                "Within [0, 1) and in decreasing order (the correlations themselves need the data to recompute)."));
    }

    private static void CheckEquations(ReportedCcaTable table, List<AuditFinding> findings, int k)
    {
        foreach (var eq in table.Equations)
        {
            const string section = "Canonical equations";
            char side = char.ToUpperInvariant(eq.Variate.FirstOrDefault());
            if ((side != 'V' && side != 'W') || !int.TryParse(eq.Variate.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out int pair))
                throw new FormatException($"'{eq.Variate}' is not a variate name such as V1 or W3.");
            char set = side == 'V' ? 'X' : 'Y';
            int size = set == 'X' ? table.P : table.Q;
            int before = findings.Count;
            if (pair > k)
                findings.Add(new(section, eq.Variate, Print(eq), "", AuditVerdict.Impossible, $"There are only {k} canonical pairs."));
            var seen = new Dictionary<int, ReportedTerm>();
            foreach (var term in eq.Terms)
            {
                var (termSet, index) = term.Parse();
                string item = $"{eq.Variate}: {term.Coefficient.Text}{term.Variable}";
                if (termSet != set)
                    findings.Add(new(section, item, term.Coefficient.Text + term.Variable, "", AuditVerdict.Impossible,
                        $"{eq.Variate} is a combination of the {set} variables only; a {termSet} variable cannot appear in it."));
                else if (index < 1 || index > size)
                    findings.Add(new(section, item, term.Coefficient.Text + term.Variable, "", AuditVerdict.Impossible,
                        $"{set} has {size} variables ({set}1..{set}{size}); {term.Variable} does not exist."));
                else if (seen.TryGetValue(index, out var earlier))
                    findings.Add(new(section, item, term.Coefficient.Text + term.Variable, "", AuditVerdict.Impossible,
                        $"{set}{index} appears twice in {eq.Variate} (also as {earlier.Coefficient.Text}{earlier.Variable}); a linear combination has one coefficient per variable."));
                else seen[index] = term;
            }
            if (eq.Terms.Count == 1 && Math.Abs(Math.Abs(eq.Terms[0].Coefficient.Value) - 1) > eq.Terms[0].Coefficient.HalfUnit)
            {
                double c = eq.Terms[0].Coefficient.Value;
                findings.Add(new(section, eq.Variate, Print(eq), "", AuditVerdict.NotCheckable,
                    $"As printed, {eq.Variate} = {Print(eq)} has variance {c * c:F2}, but a canonical variate of standardized variables has variance 1; terms must have been left out, so the equation cannot be checked."));
            }
            if (findings.Count == before)
                findings.Add(new(section, eq.Variate, Print(eq), "", AuditVerdict.Consistent,
                    $"Every term is a distinct {set} variable of the design (the coefficients themselves need the data to recompute)."));
        }
    }

    private static void CheckClaims(ReportedCcaTable table, List<AuditFinding> findings)
    {
        foreach (var claim in table.Claims)
        {
            var (set, index) = ReportedCcaTable.ParseVariable(claim.Variable);
            string item = $"pair {claim.Pair}: {claim.Coefficient.Text} for {set}{index}";
            var terms = table.Equations
                .Where(e => e.Variate.Length > 1 && e.Variate[1..] == claim.Pair.ToString(CultureInfo.InvariantCulture))
                .SelectMany(e => e.Terms.Select(t => (Equation: e.Variate, Term: t)))
                .Where(x => Math.Abs(x.Term.Coefficient.Value - claim.Coefficient.Value) <= Math.Max(x.Term.Coefficient.HalfUnit, claim.Coefficient.HalfUnit))
                .ToArray();
            var same = terms.FirstOrDefault(x => x.Term.Parse() == (set, index));
            if (same.Term is not null)
                findings.Add(new("Text vs equations", item, claim.Quote, $"{same.Equation}: {same.Term.Coefficient.Text}{same.Term.Variable}", AuditVerdict.Consistent,
                    "The text and the equation give the same coefficient to the same variable."));
            else if (terms.Length > 0)
                findings.Add(new("Text vs equations", item, claim.Quote, string.Join("; ", terms.Select(x => $"{x.Equation}: {x.Term.Coefficient.Text}{x.Term.Variable}")), AuditVerdict.Inconsistent,
                    $"The text gives {claim.Coefficient.Text} to {set}{index}, but the equations print {claim.Coefficient.Text} on " +
                    string.Join(" and ", terms.Select(x => $"{x.Term.Variable} in {x.Equation}")) + "."));
            else
                findings.Add(new("Text vs equations", item, claim.Quote, "", AuditVerdict.Inconsistent,
                    $"No term of pair {claim.Pair}'s equations has the coefficient {claim.Coefficient.Text}."));
        }
    }

    /// <summary>Searches designs and variants that reproduce each printed column.</summary>
    private static IReadOnlyList<DesignFit> SearchDesigns(ReportedCcaTable table, DesignSearchBounds b)
    {
        var all = new List<DesignFit>();
        var r = table.Correlations.Select(c => c.Value).ToArray();
        var h = table.Correlations.Select(c => c.HalfUnit).ToArray();
        int count = r.Length;
        bool valid = r.All(v => v >= 0 && v < 1);
        var tests = table.Tests;

        // Wilks: depends only on how many correlations enter.
        var wilksRows = tests.Where(t => t.Wilks is not null).ToArray();
        if (wilksRows.Length > 0 && valid)
        {
            var fits = new List<DesignFit>();
            for (int last = 1; last <= count; last++)
            {
                int end = last;
                var rows = wilksRows.Where(t => t.Row <= end && Judge(t.Wilks!, Propagate(r.Take(end).ToArray(), h.Take(end).ToArray(), rr => Lambda(rr, t.Row, end)))).Select(t => t.Row).ToArray();
                fits.Add(new DesignFit("Tests: Wilks", $"Λ_k = Π (1 − r_i²) over printed r_k..r_{end}", 0, 0, 0,
                    end == count ? "all printed" : $"first {end}", rows.Length, wilksRows.Length, rows));
            }
            all.AddRange(Best(fits, table, b.FitsPerColumn));
        }

        // Degrees of freedom: depend on the design only.
        var dfRows = tests.Where(t => t.Df is not null).ToArray();
        if (dfRows.Length > 0)
        {
            var fits = new List<DesignFit>();
            foreach (var variant in new[] { Rao, Statsmodels, BartlettVariant })
                ForEachDesign(b, (n, p, q) =>
                {
                    var rows = dfRows.Where(t => t.Row <= Math.Min(p, q) && t.Df!.Admits(Df(variant, t.Row, n, p, q))).Select(t => t.Row).ToArray();
                    if (rows.Length > 0 || (n, p, q) == (table.N, table.P, table.Q))
                        lock (fits) fits.Add(new DesignFit("Tests: DF", variant == BartlettVariant ? "(p−k+1)(q−k+1): Bartlett df = Rao numerator df" : variant.Replace("Rao F, ", "Rao F denominator df, "),
                            variant == BartlettVariant ? 0 : n, p, q, "", rows.Length, dfRows.Length, rows));
                });
            all.AddRange(Best(fits, table, b.FitsPerColumn));
        }

        // p-values: depend on the design, the variant and the correlations entered.
        var pRows = tests.Where(t => t.P is not null).ToArray();
        if (pRows.Length > 0 && valid)
        {
            var up = r.Select((v, i) => Math.Min(v + h[i], 1 - 1e-12)).ToArray();
            var down = r.Select((v, i) => Math.Max(v - h[i], 0)).ToArray();
            var fits = new List<DesignFit>();
            foreach (var variant in new[] { Rao, Statsmodels, BartlettVariant })
                foreach (bool allPrinted in new[] { false, true })
                    ForEachDesign(b, (n, p, q) =>
                    {
                        int k = Math.Min(p, q);
                        if (!allPrinted && k > count) return;
                        if (allPrinted && k == count) return; // same as the first list
                        int end = allPrinted ? count : k;
                        var rows = new List<int>();
                        foreach (var t in pRows)
                        {
                            if (t.Row > k || t.Row > end) continue;
                            // Λ_k falls as any r_i rises and the p-value rises with Λ_k, so the rounding of the
                            // printed correlations maps to the p-value range [p(Λ(r + h)), p(Λ(r − h))].
                            var printedP = t.P!;
                            double low = PValue(variant, t.Row, Lambda(up, t.Row, end), n, p, q);
                            if (double.IsNaN(low) || low > printedP.Value + printedP.HalfUnit) continue;
                            if (printedP.IsUpperBound) { if (low < printedP.Value) rows.Add(t.Row); continue; }
                            double high = PValue(variant, t.Row, Lambda(down, t.Row, end), n, p, q);
                            if (!double.IsNaN(high) && printedP.Admits((low + high) / 2, Math.Abs(high - low) / 2)) rows.Add(t.Row);
                        }
                        if (rows.Count > 0 || ((n, p, q) == (table.N, table.P, table.Q) && !allPrinted))
                            lock (fits) fits.Add(new DesignFit("Tests: Sig.", variant, n, p, q, allPrinted ? "all printed" : "first min(p, q)", rows.Count, pRows.Length, rows.ToArray()));
                    });
            all.AddRange(Best(fits, table, b.FitsPerColumn));
        }

        // The row printed under the correlations.
        if (table.Proportions.Count > 0 && valid)
        {
            string column = $"Correlations: {table.ProportionLabel ?? "extra row"}";
            var props = table.Proportions;
            var fits = new List<DesignFit>();
            for (int last = 1; last <= count; last++)
            {
                int end = last;
                var rows = Enumerable.Range(1, Math.Min(end, props.Count)).Where(i => Judge(props[i - 1], Propagate(r.Take(end).ToArray(), h.Take(end).ToArray(), rr => Proportion(rr, i - 1)))).ToArray();
                fits.Add(new DesignFit(column, $"eigenvalue proportion over r_1..r_{end} (SAS \"Proportion\")", 0, 0, 0, end == count ? "all printed" : $"first {end}", rows.Length, props.Count, rows));
            }
            var sq = Enumerable.Range(1, Math.Min(count, props.Count)).Where(i => Judge(props[i - 1], Propagate(r, h, rr => rr[i - 1] * rr[i - 1]))).ToArray();
            fits.Add(new DesignFit(column, "squared canonical correlation r²", 0, 0, 0, "all printed", sq.Length, props.Count, sq));
            for (int n = b.MinN; n <= b.MaxN; n++)
            {
                int nn = n;
                var se = Enumerable.Range(1, Math.Min(count, props.Count)).Where(i => Judge(props[i - 1], Propagate(r, h, rr => (1 - rr[i - 1] * rr[i - 1]) / Math.Sqrt(nn - 1.0)))).ToArray();
                if (se.Length > 0)
                    fits.Add(new DesignFit(column, "approximate standard error (1 − r²)/√(n − 1) (SAS \"Approx Standard Error\")", n, 0, 0, "all printed", se.Length, props.Count, se));
            }
            all.AddRange(Best(fits, table, b.FitsPerColumn));
        }
        return all;
    }

    private static IEnumerable<DesignFit> Best(List<DesignFit> fits, ReportedCcaTable t, int keep)
    {
        int Distance(DesignFit f) => (f.N == 0 ? 0 : Math.Abs(f.N - t.N)) + (f.P == 0 ? 0 : Math.Abs(f.P - t.P)) + (f.Q == 0 ? 0 : Math.Abs(f.Q - t.Q));
        var ranked = fits.OrderByDescending(f => f.RowsExplained).ThenBy(Distance).ThenBy(f => f.Variant, StringComparer.Ordinal)
            .ThenBy(f => f.N).ThenBy(f => f.P).ThenBy(f => f.Q).ThenBy(f => f.CorrelationList, StringComparer.Ordinal).ToList();
        var chosen = ranked.Take(keep).ToList();
        // Always show what the stated design explains.
        foreach (var f in ranked.Where(f => (f.N == t.N || f.N == 0) && (f.P == t.P || f.P == 0) && (f.Q == t.Q || f.Q == 0) && f.P != 0))
            if (!chosen.Contains(f)) chosen.Add(f);
        return chosen;
    }

    private static void ForEachDesign(DesignSearchBounds b, Action<int, int, int> body) =>
        Parallel.For(b.MinN, b.MaxN + 1, n =>
        {
            for (int p = 1; p <= b.MaxVariables; p++)
                for (int q = 1; q <= b.MaxVariables; q++)
                    if (n >= p + q + 2) body(n, p, q);
        });

    private static double Df(string variant, int k, int n, int p, int q)
    {
        if (variant == BartlettVariant) return (double)(p - k + 1) * (q - k + 1);
        if (variant == Rao) return SignificanceTests.RaoDegreesOfFreedom(k, n, p, q).Df2;
        return StatsmodelsDf2(k, n, p, q);
    }

    /// <summary>statsmodels CanCorr.corr_test's denominator df with Y (q variables) as endog.</summary>
    private static double StatsmodelsDf2(int k, int n, int p, int q)
    {
        double pk = q - k + 1, qk = p - k + 1;
        double rr = n - q - 1 - (pk - qk + 1) / 2;
        double den = pk * pk + qk * qk - 5;
        double t = den > 0 ? Math.Sqrt((pk * pk * qk * qk - 4) / den) : 1;
        return rr * t - (pk * qk - 2) / 2;
    }

    private static double PValue(string variant, int k, double lambda, int n, int p, int q)
    {
        if (!(lambda > 0 && lambda <= 1)) return double.NaN;
        if (variant == Rao) return SignificanceTests.WilksRow(k, lambda, n, p, q).PValue;
        if (variant == BartlettVariant) return SignificanceTests.Bartlett(k, lambda, n, p, q).PValue;
        double pk = q - k + 1, qk = p - k + 1;
        double den = pk * pk + qk * qk - 5;
        double t = den > 0 ? Math.Sqrt((pk * pk * qk * qk - 4) / den) : 1;
        double df1 = pk * qk, df2 = StatsmodelsDf2(k, n, p, q);
        if (!(df2 > 0)) return double.NaN;
        double root = Math.Pow(lambda, 1 / t);
        return UpperTail.F((1 - root) / root * df2 / df1, df1, df2);
    }

    private static double Lambda(double[] r, int k, int end)
    {
        double lambda = 1;
        for (int i = k - 1; i < end; i++) lambda *= 1 - r[i] * r[i];
        return lambda;
    }

    private static double Proportion(double[] r, int i)
    {
        double total = r.Sum(v => v * v / (1 - v * v));
        return r[i] * r[i] / (1 - r[i] * r[i]) / total;
    }

    /// <summary>f(r) and its first-order tolerance from the printed rounding of each r_j.</summary>
    private static (double Value, double Tolerance) Propagate(double[] r, double[] h, Func<double[], double> f)
    {
        double value = f(r), tol = 0;
        var work = (double[])r.Clone();
        for (int j = 0; j < r.Length; j++)
        {
            work[j] = Math.Min(r[j] + h[j], 1 - 1e-12);
            double up = f(work);
            work[j] = Math.Max(r[j] - h[j], 0);
            double down = f(work);
            work[j] = r[j];
            if (double.IsFinite(up) && double.IsFinite(down)) tol += Math.Abs(up - down) / 2;
        }
        return (value, tol);
    }

    private static bool Judge(ReportedNumber printed, (double Value, double Tolerance) x) => printed.Admits(x.Value, x.Tolerance);

    private static AuditFinding Judge(string section, string item, ReportedNumber printed, double value, double tol, string format, string how)
    {
        bool ok = printed.Admits(value, tol);
        string shown = value.ToString(format, CultureInfo.InvariantCulture);
        return new AuditFinding(section, item, printed.Text, shown, ok ? AuditVerdict.Consistent : AuditVerdict.Inconsistent,
            $"Recomputed as {how}: {shown} (± {tol.ToString("G2", CultureInfo.InvariantCulture)} from the rounding of the printed correlations)" +
            (ok ? "." : $"; the printed {printed.Text} is outside that range."));
    }

    private static IEnumerable<(string Name, ReportedNumber Value)> Columns(ReportedTestRow row)
    {
        if (row.Wilks is { } w) yield return ("Wilks", w);
        if (row.F is { } f) yield return ("F", f);
        if (row.ChiSquare is { } c) yield return ("Chi-square", c);
        if (row.Df is { } d) yield return ("DF", d);
        if (row.P is { } p) yield return ("Sig.", p);
    }

    private static string Print(ReportedEquation eq) => string.Join(" + ", eq.Terms.Select(t => t.Coefficient.Text + t.Variable));

    private static string Ordinal(int i) => i + (i % 100 is 11 or 12 or 13 ? "th" : (i % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
