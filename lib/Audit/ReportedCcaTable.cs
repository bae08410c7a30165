using System.Globalization;

namespace RuralEcom.Audit;

/// <summary>
/// A number exactly as a paper prints it: its value and the rounding its printed digits imply (half a unit in
/// the last printed place), or an upper bound such as "&lt;0.0001".
/// </summary>
public sealed record ReportedNumber
{
    /// <summary>Parses printed text such as "0.995", "46.000", "&lt;0.0001", "4.13".</summary>
    /// <param name="text">The printed text.</param>
    /// <exception cref="FormatException">The text is not a number (optionally preceded by &lt;).</exception>
    public ReportedNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text.Trim();
        var body = Text;
        if (body.StartsWith('<')) { IsUpperBound = true; body = body[1..].Trim(); }
        if (!double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"'{text}' is not a printed number (expected digits such as 0.995 or <0.0001).");
        Value = v;
        int dot = body.IndexOf('.');
        Decimals = dot < 0 ? 0 : body.Length - dot - 1;
    }

    /// <summary>The text as printed.</summary>
    public string Text { get; }

    /// <summary>The printed value (for a bound, the bound).</summary>
    public double Value { get; }

    /// <summary>Digits after the decimal point as printed.</summary>
    public int Decimals { get; }

    /// <summary>True for a printed bound "&lt; v".</summary>
    public bool IsUpperBound { get; }

    /// <summary>Half a unit in the last printed place: the rounding error the printed digits allow.</summary>
    public double HalfUnit => 0.5 * Math.Pow(10, -Decimals);

    /// <summary>
    /// True if a value whose own uncertainty is ± <paramref name="tolerance"/> can print as this text:
    /// |value − printed| ≤ half unit + tolerance, or for a bound, value − tolerance &lt; bound.
    /// </summary>
    /// <param name="value">The recomputed value.</param>
    /// <param name="tolerance">The recomputed value's own uncertainty (e.g. from rounded inputs).</param>
    public bool Admits(double value, double tolerance = 0) =>
        IsUpperBound ? value - tolerance < Value : Math.Abs(value - Value) <= HalfUnit + tolerance + 1e-12;

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>One printed term of a canonical equation, e.g. "0.56x_{10}" in V3.</summary>
/// <param name="Coefficient">The printed coefficient.</param>
/// <param name="Variable">The variable as printed (e.g. "x_7", "y_4", "x_{10}").</param>
public sealed record ReportedTerm(ReportedNumber Coefficient, string Variable)
{
    /// <summary>The set letter in upper case ('X' or 'Y') and the 1-based index read from <see cref="Variable"/>.</summary>
    public (char Set, int Index) Parse() => ReportedCcaTable.ParseVariable(Variable);
}

/// <summary>A printed canonical equation: a variate (V1, W2, …) and its terms in printed order.</summary>
/// <param name="Variate">"V" (X side) or "W" (Y side) followed by the pair number, e.g. "V3".</param>
/// <param name="Terms">The printed terms.</param>
public sealed record ReportedEquation(string Variate, IReadOnlyList<ReportedTerm> Terms);

/// <summary>
/// A statement in the paper's text giving a variable's coefficient ("typical load") in a pair, to be checked
/// against the printed equations.
/// </summary>
/// <param name="Pair">The pair number the text discusses.</param>
/// <param name="Variable">The variable the text names (e.g. "X2", "Y5").</param>
/// <param name="Coefficient">The coefficient the text gives.</param>
/// <param name="Quote">The words of the text.</param>
public sealed record ReportedClaim(int Pair, string Variable, ReportedNumber Coefficient, string Quote);

/// <summary>One row of a printed table of sequential tests (any column may be missing).</summary>
/// <param name="Row">The row number as printed (1 = all correlations).</param>
/// <param name="Wilks">Printed Wilks' lambda.</param>
/// <param name="Df">Printed degrees of freedom of unstated kind (which ones is what the audit tries to find out).</param>
/// <param name="P">Printed p-value.</param>
/// <param name="F">Printed F statistic.</param>
/// <param name="ChiSquare">Printed chi-square statistic.</param>
/// <param name="NumDf">Printed numerator df of Rao's F (or the df of a chi-square).</param>
/// <param name="DenDf">Printed denominator df of Rao's F.</param>
public sealed record ReportedTestRow(int Row, ReportedNumber? Wilks, ReportedNumber? Df, ReportedNumber? P,
    ReportedNumber? F = null, ReportedNumber? ChiSquare = null, ReportedNumber? NumDf = null, ReportedNumber? DenDf = null);

/// <summary>A printed row under the canonical correlations, e.g. SAS's "Approximate Standard Error" or a paper's "Prop Var".</summary>
/// <param name="Label">The printed label; it decides what the audit recomputes (see <see cref="PaperAudit"/>).</param>
/// <param name="Values">The printed values, pair 1 first.</param>
public sealed record ReportedExtraRow(string Label, IReadOnlyList<ReportedNumber> Values);

/// <summary>The published figures of a canonical correlation analysis, as printed, for <see cref="PaperAudit"/>.</summary>
/// <param name="Source">Citation of where the figures were printed.</param>
/// <param name="N">The stated sample size.</param>
/// <param name="P">The stated number of X variables.</param>
/// <param name="Q">The stated number of Y variables.</param>
/// <param name="Correlations">The printed canonical correlations, largest first.</param>
/// <param name="Tests">The printed sequential test rows (may be empty).</param>
/// <param name="ExtraRows">Rows printed under the correlations (e.g. "Approximate Standard Error", "Prop Var"); may be empty.</param>
/// <param name="Equations">The printed canonical equations (may be empty).</param>
/// <param name="Claims">Coefficients stated in the text (may be empty).</param>
/// <param name="CorrelationSection">How findings name the table of correlations (e.g. "Table 3").</param>
/// <param name="TestSection">How findings name the table of tests (e.g. "Table 4").</param>
/// <param name="StatedMaximumPairs">A bound on the number of canonical pairs stated in the text (e.g. "t ≤ 55"), or null.</param>
/// <param name="Convention">How the printed tests were computed (SAS's Rao F unless the source says otherwise).</param>
public sealed record ReportedCcaTable(string Source, int N, int P, int Q, IReadOnlyList<ReportedNumber> Correlations,
    IReadOnlyList<ReportedTestRow> Tests, IReadOnlyList<ReportedExtraRow> ExtraRows,
    IReadOnlyList<ReportedEquation> Equations, IReadOnlyList<ReportedClaim> Claims,
    string CorrelationSection = "Correlations", string TestSection = "Tests", int? StatedMaximumPairs = null,
    TestConvention Convention = TestConvention.RaoSas)
{
    /// <summary>Reads "x_7", "x_{10}", "X2", "y4" into ('X', 7), ('X', 10), ('X', 2), ('Y', 4).</summary>
    /// <param name="variable">The printed variable.</param>
    /// <exception cref="FormatException">Not a letter x/y followed by an index.</exception>
    public static (char Set, int Index) ParseVariable(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var s = variable.Trim();
        var digits = new string(s.Skip(1).Where(char.IsDigit).ToArray());
        char set = char.ToUpperInvariant(s.Length > 0 ? s[0] : '?');
        if ((set != 'X' && set != 'Y') || digits.Length == 0)
            throw new FormatException($"'{variable}' is not a variable of the form x_7, y_{{10}} or X2.");
        return (set, int.Parse(digits, CultureInfo.InvariantCulture));
    }
}
