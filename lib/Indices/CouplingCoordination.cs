
namespace RuralEcom.Indices;

/// <summary>
/// One of the ten coordination grades of the coupling coordination degree D, on half-open intervals
/// [Lower, Upper) of width 0.1 (the last, [0.9, 1.0], includes 1).
/// </summary>
/// <remarks>
/// The ten-class scale goes back to Liao Chongbin (1999), "Quantitative judgement and classification system for
/// coordinated development of environment and economy: a case study of the city group in the Pearl River Delta"
/// (in Chinese), Tropical Geography 19(2): 171-177; the labels used here are the usual English renderings of
/// 极度失调, 严重失调, 中度失调, 轻度失调, 濒临失调, 勉强协调, 初级协调, 中级协调, 良好协调, 优质协调 (e.g. Tian Shenzhen et al.
/// 2021, Acta Geographica Sinica 76(4): 781, Table 1). Published tables differ in which end of a band is closed
/// (Tian et al. use (a, b]); that matters only for D exactly on a boundary, and here D = 0.5 is "barely coordinated".
/// </remarks>
/// <param name="Level">1 (extreme imbalance) to 10 (high-quality coordination).</param>
/// <param name="Label">The English label, e.g. "primary coordination".</param>
/// <param name="Lower">The inclusive lower bound.</param>
/// <param name="Upper">The exclusive upper bound (inclusive for level 10).</param>
public sealed record CoordinationGrade(int Level, string Label, double Lower, double Upper)
{
    private static readonly string[] Labels =
    [
        "extreme imbalance", "severe imbalance", "moderate imbalance", "mild imbalance", "on the verge of imbalance",
        "barely coordinated", "primary coordination", "intermediate coordination", "good coordination", "high-quality coordination",
    ];

    /// <summary>The ten grades in increasing order.</summary>
    public static IReadOnlyList<CoordinationGrade> All { get; } =
        Labels.Select((label, k) => new CoordinationGrade(k + 1, label, k / 10.0, (k + 1) / 10.0)).ToArray();

    /// <summary>The ten grades as a table (level, interval, label), with the source of the scale.</summary>
    public static Table GradesTable() =>
        new("Grades of the coupling coordination degree D", ["Level", "D from (incl.)", "D to (excl.)", "Grade"],
            All.Select(g => (IReadOnlyList<object?>)[g.Level, g.Lower, g.Upper, g.Label]), numberFormat: "F1",
            note: "Ten bands of width 0.1 after Liao Chongbin (1999), Tropical Geography 19(2): 171-177; the last band includes D = 1.");

    /// <summary>The grade of a coupling coordination degree <paramref name="d"/> in [0, 1].</summary>
    /// <param name="d">A coupling coordination degree.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> is not a number in [0, 1].</exception>
    public static CoordinationGrade Of(double d)
    {
        if (!(d >= 0 && d <= 1))
            throw new ArgumentOutOfRangeException(nameof(d), d, "A coupling coordination degree lies in [0, 1].");
        // Compare with the stored bounds (k/10.0) rather than floor(10 d), so 0.3 lands in [0.3, 0.4) exactly as printed.
        return All.Last(g => d >= g.Lower);
    }
}

/// <summary>
/// The coupling coordination degree model for two systems with development levels U1, U2 in [0, 1].
/// </summary>
/// <remarks>
/// Coupling degree C = 2 sqrt(U1 U2) / (U1 + U2) in [0, 1] (the corrected two-system form; Wang Shujia, Kong Wei,
/// Ren Liang, Zhong Dandan &amp; Liu Dong 2021, "Misuse and corrections of the coupling coordination degree model in
/// China's geographical research" (in Chinese), Journal of Natural Resources 36(3): 793-810),
/// comprehensive development T = alpha U1 + beta U2 with alpha + beta = 1, and coupling coordination degree
/// D = sqrt(C T) in [0, 1], graded with <see cref="CoordinationGrade"/>.
/// </remarks>
public static class CouplingCoordination
{
    /// <summary>Computes C, T, D and the grade for every pair (U1_i, U2_i).</summary>
    /// <param name="u1">Development levels of system 1, each in [0, 1].</param>
    /// <param name="u2">Development levels of system 2, each in [0, 1], same length.</param>
    /// <param name="alpha">Weight of system 1 in T (default 0.5).</param>
    /// <param name="beta">Weight of system 2 in T (default 0.5); alpha + beta must be 1.</param>
    /// <exception cref="ArgumentException">Lengths differ or are 0; a level is not in [0, 1] (negative, above 1, NaN);
    /// both levels of a pair are 0 (C is 0/0); alpha or beta is negative or they do not sum to 1.</exception>
    public static CouplingCoordinationResult Compute(IReadOnlyList<double> u1, IReadOnlyList<double> u2, double alpha = 0.5, double beta = 0.5)
    {
        ArgumentNullException.ThrowIfNull(u1);
        ArgumentNullException.ThrowIfNull(u2);
        if (u1.Count != u2.Count || u1.Count == 0)
            throw new ArgumentException($"u1 has {u1.Count} levels and u2 has {u2.Count}; give one pair per region-year (at least one).", nameof(u2));
        if (!(alpha >= 0 && beta >= 0) || Math.Abs(alpha + beta - 1) > 1e-12)
            throw new ArgumentException($"alpha = {alpha} and beta = {beta}; they must be >= 0 and sum to 1 (the usual choice is 0.5 and 0.5).", nameof(alpha));
        int n = u1.Count;
        var c = new double[n];
        var t = new double[n];
        var d = new double[n];
        var grades = new CoordinationGrade[n];
        for (int i = 0; i < n; i++)
        {
            double a = u1[i], b = u2[i];
            if (!(a >= 0 && a <= 1)) throw new ArgumentException($"u1[{i}] = {a}; development levels must lie in [0, 1]. Normalise the levels first.", nameof(u1));
            if (!(b >= 0 && b <= 1)) throw new ArgumentException($"u2[{i}] = {b}; development levels must lie in [0, 1]. Normalise the levels first.", nameof(u2));
            if (a + b == 0) throw new ArgumentException($"u1[{i}] and u2[{i}] are both 0, so the coupling degree 2 sqrt(U1 U2)/(U1 + U2) is 0/0 and undefined.", nameof(u1));
            c[i] = 2 * Math.Sqrt(a * b) / (a + b);
            t[i] = alpha * a + beta * b;
            d[i] = Math.Sqrt(c[i] * t[i]);
            grades[i] = CoordinationGrade.Of(Math.Min(d[i], 1));
        }
        return new CouplingCoordinationResult(u1.ToArray(), u2.ToArray(), alpha, beta, c, t, d, grades);
    }
}

/// <summary>The result of <see cref="CouplingCoordination.Compute"/>.</summary>
/// <param name="U1">The levels of system 1.</param>
/// <param name="U2">The levels of system 2.</param>
/// <param name="Alpha">Weight of system 1 in T.</param>
/// <param name="Beta">Weight of system 2 in T.</param>
/// <param name="Coupling">Coupling degree C = 2 sqrt(U1 U2) / (U1 + U2).</param>
/// <param name="Development">Comprehensive development index T = alpha U1 + beta U2.</param>
/// <param name="Coordination">Coupling coordination degree D = sqrt(C T).</param>
/// <param name="Grades">The grade of each D.</param>
public sealed record CouplingCoordinationResult(IReadOnlyList<double> U1, IReadOnlyList<double> U2, double Alpha, double Beta,
    IReadOnlyList<double> Coupling, IReadOnlyList<double> Development, IReadOnlyList<double> Coordination,
    IReadOnlyList<CoordinationGrade> Grades)
{
    /// <summary>One row per pair: U1, U2, C, T, D and the grade.</summary>
    /// <param name="rowLabels">One label per pair (e.g. "Anhui 2014").</param>
    /// <param name="title">The table title.</param>
    public Table ToTable(IReadOnlyList<string> rowLabels, string title = "Coupling coordination degree")
    {
        ArgumentNullException.ThrowIfNull(rowLabels);
        if (rowLabels.Count != U1.Count) throw new ArgumentException($"{rowLabels.Count} labels were given for {U1.Count} pairs.", nameof(rowLabels));
        return new Table(title, ["Row", "U1", "U2", "C", "T", "D", "Grade"],
            Enumerable.Range(0, U1.Count).Select(i =>
                (IReadOnlyList<object?>)[rowLabels[i], U1[i], U2[i], Coupling[i], Development[i], Coordination[i], Grades[i].Label]),
            note: $"C = 2 sqrt(U1 U2)/(U1 + U2) (Wang et al. 2021), T = {Alpha:G3} U1 + {Beta:G3} U2, D = sqrt(C T); grades on [k/10, (k+1)/10) after Liao (1999).");
    }
}
