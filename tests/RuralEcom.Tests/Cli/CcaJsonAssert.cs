using System.Text.Json;
using RuralEcom.Cca;
using RuralEcom.Significance;

namespace RuralEcom.Tests.Cli;

/// <summary>Checks that the command line's JSON holds exactly the fields of the brief, each equal to the library's result.</summary>
internal static class CcaJsonAssert
{
    /// <summary>The top-level fields, in the order they are written.</summary>
    public static readonly string[] Fields =
    [
        "n", "p", "q", "xNames", "yNames", "method", "signConvention", "canonicalCorrelations", "adjustedCorrelations",
        "standardErrors", "squaredCorrelations", "eigenvalues", "proportion", "cumulative", "rawCoefficients",
        "standardizedCoefficients", "structureCoefficients", "crossStructureCoefficients", "redundancy", "tests",
    ];

    /// <summary>
    /// Every number is compared exactly: System.Text.Json writes the shortest text that reads back as the same double.
    /// </summary>
    public static void Matches(JsonElement root, CcaResult cca, SignificanceResult tests, string method)
    {
        Assert.Equal(Fields, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(cca.N, root.GetProperty("n").GetInt32());
        Assert.Equal(cca.P, root.GetProperty("p").GetInt32());
        Assert.Equal(cca.Q, root.GetProperty("q").GetInt32());
        Assert.Equal(cca.XNames, Strings(root.GetProperty("xNames")));
        Assert.Equal(cca.YNames, Strings(root.GetProperty("yNames")));
        Assert.Equal(method, root.GetProperty("method").GetString());
        Assert.Equal(CanonicalCorrelationAnalysis.SignConvention, root.GetProperty("signConvention").GetString());
        Vector(cca.Correlations, root.GetProperty("canonicalCorrelations"));
        Assert.Equal(cca.AdjustedCorrelations, root.GetProperty("adjustedCorrelations").EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Null ? (double?)null : e.GetDouble()));
        Vector(cca.StandardErrors, root.GetProperty("standardErrors"));
        Vector(cca.SquaredCorrelations, root.GetProperty("squaredCorrelations"));
        Vector(cca.Eigenvalues, root.GetProperty("eigenvalues"));
        Vector(cca.Proportions, root.GetProperty("proportion"));
        Vector(cca.CumulativeProportions, root.GetProperty("cumulative"));
        Pair(cca.RawCoefficientsX!, cca.RawCoefficientsY!, root.GetProperty("rawCoefficients"));
        Pair(cca.StandardizedCoefficientsX, cca.StandardizedCoefficientsY, root.GetProperty("standardizedCoefficients"));
        Pair(cca.Structure.X, cca.Structure.Y, root.GetProperty("structureCoefficients"));
        Pair(cca.Structure.CrossX, cca.Structure.CrossY, root.GetProperty("crossStructureCoefficients"));

        var redundancy = root.GetProperty("redundancy");
        Assert.Equal(["x", "y"], redundancy.EnumerateObject().Select(p => p.Name));
        foreach (var (set, own, opposite) in new[] { ("x", cca.Redundancy.OwnX, cca.Redundancy.OppositeX), ("y", cca.Redundancy.OwnY, cca.Redundancy.OppositeY) })
        {
            var e = redundancy.GetProperty(set);
            Assert.Equal(["own", "opposite"], e.EnumerateObject().Select(p => p.Name));
            Vector(own, e.GetProperty("own"));
            Vector(opposite, e.GetProperty("opposite"));
        }

        var t = root.GetProperty("tests");
        Assert.Equal(["wilks", "bartlett", "pillai", "hotellingLawley", "roy"], t.EnumerateObject().Select(p => p.Name));
        var wilks = t.GetProperty("wilks").EnumerateArray().ToArray();
        Assert.Equal(tests.Wilks.Count, wilks.Length);
        for (int i = 0; i < wilks.Length; i++)
        {
            var w = tests.Wilks[i];
            Assert.Equal(["k", "lambda", "f", "df1", "df2", "p"], wilks[i].EnumerateObject().Select(p => p.Name));
            Assert.Equal(w.K, wilks[i].GetProperty("k").GetInt32());
            Assert.Equal([w.Lambda, w.F, w.Df1, w.Df2, w.PValue], new[] { "lambda", "f", "df1", "df2", "p" }.Select(n => wilks[i].GetProperty(n).GetDouble()));
        }
        var bartlett = t.GetProperty("bartlett").EnumerateArray().ToArray();
        Assert.Equal(tests.Bartlett.Count, bartlett.Length);
        for (int i = 0; i < bartlett.Length; i++)
        {
            var b = tests.Bartlett[i];
            Assert.Equal(["k", "chiSquare", "df", "p"], bartlett[i].EnumerateObject().Select(p => p.Name));
            Assert.Equal(b.K, bartlett[i].GetProperty("k").GetInt32());
            Assert.Equal([b.ChiSquare, b.Df, b.PValue], new[] { "chiSquare", "df", "p" }.Select(n => bartlett[i].GetProperty(n).GetDouble()));
        }
        foreach (var (name, m) in new[] { ("pillai", tests.Pillai), ("hotellingLawley", tests.HotellingLawley), ("roy", tests.Roy) })
        {
            var e = t.GetProperty(name);
            Assert.Equal(["statistic", "f", "df1", "df2", "p"], e.EnumerateObject().Select(p => p.Name));
            Assert.Equal([m.Statistic, m.F, m.Df1, m.Df2, m.PValue], new[] { "statistic", "f", "df1", "df2", "p" }.Select(n => e.GetProperty(n).GetDouble()));
        }
    }

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(s => s.GetString()!).ToArray();

    private static void Vector(IReadOnlyList<double> expected, JsonElement e) =>
        Assert.Equal(expected, e.EnumerateArray().Select(v => v.GetDouble()));

    /// <summary>A {x, y} pair of matrices, each an array of rows: one row per variable, one column per canonical pair.</summary>
    private static void Pair(LabeledMatrix x, LabeledMatrix y, JsonElement e)
    {
        Assert.Equal(["x", "y"], e.EnumerateObject().Select(p => p.Name));
        foreach (var (m, rows) in new[] { (x, e.GetProperty("x")), (y, e.GetProperty("y")) })
        {
            var r = rows.EnumerateArray().ToArray();
            Assert.Equal(m.RowCount, r.Length);
            for (int i = 0; i < r.Length; i++) Vector(m.Row(i), r[i]);
        }
    }
}
