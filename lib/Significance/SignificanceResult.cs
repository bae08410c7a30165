namespace RuralEcom.Significance;

/// <summary>All tests of significance for one canonical correlation analysis.</summary>
public sealed class SignificanceResult
{
    internal SignificanceResult(int n, int p, int q, int residualDf, IReadOnlyList<WilksTest> wilks, IReadOnlyList<BartlettTest> bartlett,
        MultivariateTest wilksAll, MultivariateTest pillai, MultivariateTest hotellingLawley, MultivariateTest roy)
    {
        N = n;
        P = p;
        Q = q;
        ResidualDf = residualDf;
        Wilks = ReadOnly.Own(wilks);
        Bartlett = ReadOnly.Own(bartlett);
        WilksLambda = wilksAll;
        Pillai = pillai;
        HotellingLawley = hotellingLawley;
        Roy = roy;
    }

    /// <summary>Sample size.</summary>
    public int N { get; }

    /// <summary>Number of X variables.</summary>
    public int P { get; }

    /// <summary>Number of Y variables.</summary>
    public int Q { get; }

    /// <summary>The residual degrees of freedom ν the tests used: n − 1 for an ordinary analysis, n − r after removing a
    /// nuisance design of rank r (see <see cref="SignificanceTests.Test(RuralEcom.Cca.CcaResult, int?)"/>).</summary>
    public int ResidualDf { get; }

    /// <summary>The sequential Wilks tests, k = 1..min(p, q).</summary>
    public IReadOnlyList<WilksTest> Wilks { get; }

    /// <summary>The sequential Bartlett chi-square tests, k = 1..min(p, q).</summary>
    public IReadOnlyList<BartlettTest> Bartlett { get; }

    /// <summary>Wilks' lambda for all pairs (the first row of <see cref="Wilks"/>).</summary>
    public MultivariateTest WilksLambda { get; }

    /// <summary>Pillai's trace for all pairs.</summary>
    public MultivariateTest Pillai { get; }

    /// <summary>The Hotelling–Lawley trace for all pairs.</summary>
    public MultivariateTest HotellingLawley { get; }

    /// <summary>Roy's greatest root.</summary>
    public MultivariateTest Roy { get; }

    /// <summary>The number of leading pairs whose sequential Wilks test is significant at <paramref name="alpha"/>
    /// (testing stops at the first non-significant row, as the sequential procedure requires).</summary>
    /// <param name="alpha">The significance level, e.g. 0.05.</param>
    public int SignificantPairs(double alpha = 0.05)
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), "alpha must lie strictly between 0 and 1.");
        int count = 0;
        while (count < Wilks.Count && Wilks[count].PValue < alpha) count++;
        return count;
    }

    /// <summary>"n = 55, p = 8, q = 11", with the residual degrees of freedom when they are not n − 1.</summary>
    private string Design => ResidualDf == N - 1 ? $"n = {N}, p = {P}, q = {Q}" : $"n = {N}, residual df ν = {ResidualDf}, p = {P}, q = {Q}";

    /// <summary>The sequential Wilks tests laid out as SAS prints them.</summary>
    public Table WilksTable() => new(
        $"Test of H0: the canonical correlations in the current row and all that follow are zero ({Design})",
        ["Pair", "Likelihood ratio (Wilks' Λ)", "Approximate F", "Num DF", "Den DF", "Pr > F"],
        Wilks.Select(w => (IReadOnlyList<object?>)new object?[] { w.K, w.Lambda, w.F, w.Df1, w.Df2, w.PValue }),
        columnFormats: [null, "F8", "F2", "0.###", "0.###", "G4"],
        note: "Rao's F approximation, as in SAS PROC CANCORR.");

    /// <summary>The sequential Bartlett chi-square tests.</summary>
    public Table BartlettTable() => new(
        "Bartlett's chi-square test of the canonical correlations from each row on",
        ["Pair", "Chi-square", "DF", "Pr > Chi-square"],
        Bartlett.Select(b => (IReadOnlyList<object?>)new object?[] { b.K, b.ChiSquare, b.Df, b.PValue }),
        columnFormats: [null, "F4", "0", "G4"]);

    /// <summary>The four multivariate statistics for "all canonical correlations are zero".</summary>
    public Table MultivariateTable()
    {
        var (s, m, nn) = SignificanceTests.Smn(ResidualDf, P, Q);
        return new Table($"Multivariate statistics and F approximations (S = {s}, M = {m}, N = {nn})",
            ["Statistic", "Value", "F", "Num DF", "Den DF", "Pr > F"],
            new[] { WilksLambda, Pillai, HotellingLawley, Roy }.Select(t => (IReadOnlyList<object?>)new object?[] { t.Name, t.Statistic, t.F, t.Df1, t.Df2, t.PValue }),
            columnFormats: [null, "F8", "F2", "0.###", "0.###", "G4"],
            note: "The F statistic for Roy's greatest root is an upper bound, so its p-value is a lower bound.");
    }
}
