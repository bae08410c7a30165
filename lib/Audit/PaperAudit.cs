using System.Globalization;
using RuralEcom.Significance;

namespace RuralEcom.Audit;

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
/// <para>The printed tests are recomputed under the table's <see cref="ReportedCcaTable.Convention"/> (SAS's Rao F unless
/// the source says otherwise; see <see cref="TestConvention"/>). A "DF" column of unstated kind is consistent when it
/// is the numerator or the denominator df; "Num DF" and "Den DF" are checked as such. Rows printed under the
/// correlations are recomputed according to their label (<see cref="ExtraRows.Recognize"/>). The design search
/// (<see cref="DesignSearch"/>) then looks for the designs and conventions that reproduce the printed columns.</para>
/// </remarks>
public static class PaperAudit
{
    /// <summary>Audits a reported table and runs the design search.</summary>
    /// <param name="table">The printed figures.</param>
    /// <param name="bounds">The design-search bounds (default n ≤ 400, p and q ≤ 60).</param>
    /// <param name="search">Run the design search (about a second at the default bounds); false leaves <see cref="AuditReport.Search"/> empty.</param>
    public static AuditReport Run(ReportedCcaTable table, DesignSearchBounds? bounds = null, bool search = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        var findings = new List<AuditFinding>();
        int n = table.N, p = table.P, q = table.Q, k = Math.Min(p, q);
        var printed = table.Correlations;
        var r = printed.Select(c => c.Value).ToArray();
        var h = printed.Select(c => c.HalfUnit).ToArray();
        string design = $"n = {n}, p = {p}, q = {q}";
        var convention = table.Convention;
        string conventionText = TestConventions.Describe(convention);

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
        bool canRecompute = usable.Length == k && usable.All(v => v >= 0 && v < 1);
        bool canTest = canRecompute && n >= p + q + 2;

        foreach (var extra in table.ExtraRows)
        {
            var kind = ExtraRows.Recognize(extra.Label);
            for (int i = 0; i < extra.Values.Count; i++)
            {
                var reported = extra.Values[i];
                string item = $"{extra.Label} {i + 1}";
                if (i >= k)
                    findings.Add(new(table.CorrelationSection, item, reported.Text, "", AuditVerdict.Impossible,
                        $"{design} give {k} canonical pairs; a value for pair {i + 1} cannot exist."));
                else if (kind is ExtraRowKind.Unknown or ExtraRowKind.Adjusted || !canRecompute)
                    findings.Add(new(table.CorrelationSection, item, reported.Text, "", AuditVerdict.NotCheckable,
                        kind == ExtraRowKind.Adjusted ? "Lawley's adjusted correlations are not recomputed by this audit."
                        : !canRecompute ? "The printed correlations are not all admissible, so nothing derived from them can be recomputed."
                        : "The label is not one the audit recognizes (standard error, squared, eigenvalue, proportion, cumulative)."));
                else
                {
                    int idx = i;
                    var (value, tol) = Propagation.Of(usable, usableH, rr => ExtraRows.Value(kind, rr, idx, n));
                    findings.Add(Judge(table.CorrelationSection, item, reported, value, tol, "F6", ExtraRows.Formula(kind)));
                }
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
            if (!canTest)
            {
                foreach (var (name, value) in Columns(row))
                    findings.Add(new(table.TestSection, $"{item}, {name}", value.Text, "", AuditVerdict.NotCheckable,
                        n < p + q + 2 ? $"{design} leave no degrees of freedom for the test." : "The printed correlations are not all admissible, so the tests cannot be recomputed."));
                continue;
            }
            int kk = row.Row;
            (double Statistic, double PValue) Test(double[] rr)
            {
                double lw = 0;
                for (int i = 0; i < kk - 1; i++) lw += 1 / (rr[i] * rr[i]);
                return TestConventions.Test(convention, kk, Lambda(rr, kk, rr.Length), n, p, q, lw);
            }
            if (row.Wilks is { } w)
            {
                var (lambda, lambdaTol) = Propagation.Of(usable, usableH, rr => Lambda(rr, kk, rr.Length));
                findings.Add(Judge(table.TestSection, $"{item}, Wilks", w, lambda, lambdaTol, "F4", $"Λ_{kk} = Π_{{i≥{kk}}} (1 − r_i²) over r_{kk}..r_{k}"));
            }
            double df1 = TestConventions.Df(convention, DfColumn.Numerator, kk, n, p, q);
            bool rao = TestConventions.IsRao(convention);
            double df2 = rao ? TestConventions.Df(convention, DfColumn.Denominator, kk, n, p, q) : double.NaN;
            string Df(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
            if (row.Df is { } df)
            {
                bool isDf1 = df.Admits(df1), isDf2 = rao && df.Admits(df2);
                string expected = rao ? $"{Df(df1)} and {Df(df2)}" : Df(df1);
                findings.Add(new(table.TestSection, $"{item}, DF", df.Text, expected,
                    isDf1 || isDf2 ? AuditVerdict.Consistent : AuditVerdict.Inconsistent,
                    (rao ? $"{conventionText} for {design} has numerator df {Df(df1)} and denominator df {Df(df2)}" : $"{conventionText} for {design} has {Df(df1)} df") +
                    (isDf1 ? " (the printed value is the numerator df)." : isDf2 ? " (the printed value is the denominator df)." : "; the printed value is neither (see the design search).")));
            }
            if (row.NumDf is { } num)
                findings.Add(Exact(table.TestSection, $"{item}, Num DF", num, df1, $"numerator df (p − k + 1)(q − k + 1) for {design}"));
            if (row.DenDf is { } den)
                findings.Add(rao ? Exact(table.TestSection, $"{item}, Den DF", den, df2, $"denominator df of {conventionText} for {design}")
                    : new(table.TestSection, $"{item}, Den DF", den.Text, "", AuditVerdict.NotCheckable, $"{conventionText} has no denominator df."));
            if (row.P is { } pv)
            {
                var (pValue, pTol) = Propagation.Of(usable, usableH, rr => Test(rr).PValue);
                findings.Add(Judge(table.TestSection, $"{item}, Sig.", pv, pValue, pTol, "G4", $"the p-value of {conventionText} for {design} with Λ recomputed from the printed correlations"));
            }
            if (row.F is { } f)
            {
                if (rao)
                {
                    var (fv, fTol) = Propagation.Of(usable, usableH, rr => Test(rr).Statistic);
                    findings.Add(Judge(table.TestSection, $"{item}, F", f, fv, fTol, "F3", $"{conventionText} for {design}"));
                }
                else findings.Add(new(table.TestSection, $"{item}, F", f.Text, "", AuditVerdict.NotCheckable, $"The table's convention is {conventionText}, which has no F statistic."));
            }
            if (row.ChiSquare is { } chi)
            {
                var chiConvention = convention == TestConvention.BartlettLawley ? convention : TestConvention.Bartlett;
                var (cv, cTol) = Propagation.Of(usable, usableH, rr =>
                {
                    double lw = 0;
                    for (int i = 0; i < kk - 1; i++) lw += 1 / (rr[i] * rr[i]);
                    return TestConventions.Test(chiConvention, kk, Lambda(rr, kk, rr.Length), n, p, q, lw).Statistic;
                });
                findings.Add(Judge(table.TestSection, $"{item}, Chi-square", chi, cv, cTol, "F3", $"{TestConventions.Describe(chiConvention)} for {design}"));
            }
        }

        CheckEquations(table, findings, k);
        CheckClaims(table, findings);
        return new AuditReport(table, findings, search ? DesignSearch.Run(table, bounds)
            : new DesignSearchResult(bounds ?? new DesignSearchBounds(), 0, [], [], [], []));
    }

    /// <summary>A figure that does not depend on the correlations (a df): consistent when it prints as the exact value.</summary>
    private static AuditFinding Exact(string section, string item, ReportedNumber printed, double value, string how)
    {
        string shown = value.ToString("0.###", CultureInfo.InvariantCulture);
        bool ok = printed.Admits(value);
        return new AuditFinding(section, item, printed.Text, shown, ok ? AuditVerdict.Consistent : AuditVerdict.Inconsistent,
            $"The {how} is {shown}" + (ok ? "." : $"; the printed {printed.Text} is not that value rounded."));
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

    private static double Lambda(double[] r, int k, int end)
    {
        double lambda = 1;
        for (int i = k - 1; i < end; i++) lambda *= 1 - r[i] * r[i];
        return lambda;
    }

    private static AuditFinding Judge(string section, string item, ReportedNumber printed, double value, double tol, string format, string how)
    {
        bool ok = printed.Admits(value, tol);
        // One digit more than printed, so that a reader sees how the recomputed value rounds.
        string shown = value.ToString(printed.IsUpperBound ? format : $"F{printed.Decimals + 1}", CultureInfo.InvariantCulture);
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
        if (row.NumDf is { } nd) yield return ("Num DF", nd);
        if (row.DenDf is { } dd) yield return ("Den DF", dd);
        if (row.P is { } p) yield return ("Sig.", p);
    }

    private static string Print(ReportedEquation eq) => string.Join(" + ", eq.Terms.Select(t => t.Coefficient.Text + t.Variable));

    private static string Ordinal(int i) => i + (i % 100 is 11 or 12 or 13 ? "th" : (i % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
