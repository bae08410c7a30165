using System.Text.Json;
using RuralEcom.Cca;
using RuralEcom.Significance;

namespace RuralEcom.Cli;

/// <summary>
/// The JSON form of a canonical correlation analysis (camelCase; matrices as arrays of rows, one row per variable
/// and one column per canonical pair). Presentation only: every number is copied from the library's result.
/// </summary>
internal static class CcaJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    /// <summary>The lower-case name the command line uses for a method.</summary>
    public static string MethodName(CcaMethod method) => method == CcaMethod.Eigen ? "eigen" : "stable";

    /// <summary>The JSON document for <paramref name="cca"/> and its tests.</summary>
    public static string Serialize(CcaResult cca, SignificanceResult tests) =>
        JsonSerializer.Serialize(Build(cca, tests), Options) + "\n";

    private static Document Build(CcaResult cca, SignificanceResult tests)
    {
        static double[][] Rows(LabeledMatrix m) => Enumerable.Range(0, m.RowCount).Select(m.Row).ToArray();
        static MultivariateRow Stat(MultivariateTest t) => new(t.Statistic, t.F, t.Df1, t.Df2, t.PValue);
        var raw = cca.RawCoefficientsX is { } rx && cca.RawCoefficientsY is { } ry ? new SetPair(Rows(rx), Rows(ry)) : null;
        var r = cca.Redundancy;
        return new Document(cca.N, cca.P, cca.Q, cca.XNames, cca.YNames, MethodName(cca.Method), CanonicalCorrelationAnalysis.SignConvention,
            cca.Correlations, cca.AdjustedCorrelations, cca.StandardErrors, cca.SquaredCorrelations, cca.Eigenvalues,
            cca.Proportions, cca.CumulativeProportions,
            raw,
            new SetPair(Rows(cca.StandardizedCoefficientsX), Rows(cca.StandardizedCoefficientsY)),
            new SetPair(Rows(cca.Structure.X), Rows(cca.Structure.Y)),
            new SetPair(Rows(cca.Structure.CrossX), Rows(cca.Structure.CrossY)),
            new RedundancyPair(new OwnOpposite(r.OwnX, r.OppositeX), new OwnOpposite(r.OwnY, r.OppositeY)),
            new TestSet(
                tests.Wilks.Select(w => new WilksRow(w.K, w.Lambda, w.F, w.Df1, w.Df2, w.PValue)).ToArray(),
                tests.Bartlett.Select(b => new BartlettRow(b.K, b.ChiSquare, b.Df, b.PValue)).ToArray(),
                Stat(tests.Pillai), Stat(tests.HotellingLawley), Stat(tests.Roy)));
    }

    private sealed record Document(int N, int P, int Q, IReadOnlyList<string> XNames, IReadOnlyList<string> YNames,
        string Method, string SignConvention,
        IReadOnlyList<double> CanonicalCorrelations, IReadOnlyList<double?> AdjustedCorrelations, IReadOnlyList<double> StandardErrors,
        IReadOnlyList<double> SquaredCorrelations, IReadOnlyList<double> Eigenvalues, IReadOnlyList<double> Proportion,
        IReadOnlyList<double> Cumulative, SetPair? RawCoefficients, SetPair StandardizedCoefficients, SetPair StructureCoefficients,
        SetPair CrossStructureCoefficients, RedundancyPair Redundancy, TestSet Tests);

    private sealed record SetPair(double[][] X, double[][] Y);

    private sealed record OwnOpposite(IReadOnlyList<double> Own, IReadOnlyList<double> Opposite);

    private sealed record RedundancyPair(OwnOpposite X, OwnOpposite Y);

    private sealed record WilksRow(int K, double Lambda, double F, double Df1, double Df2, double P);

    private sealed record BartlettRow(int K, double ChiSquare, double Df, double P);

    private sealed record MultivariateRow(double Statistic, double F, double Df1, double Df2, double P);

    private sealed record TestSet(IReadOnlyList<WilksRow> Wilks, IReadOnlyList<BartlettRow> Bartlett,
        MultivariateRow Pillai, MultivariateRow HotellingLawley, MultivariateRow Roy);
}
