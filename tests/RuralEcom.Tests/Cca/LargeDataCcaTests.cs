using System.Globalization;
using RuralEcom.Cca;
using RuralEcom.Data;
using RuralEcom.Tests.Data;

namespace RuralEcom.Tests.Cca;

/// <summary>
/// The large-data routes against the in-memory fit (<see cref="CanonicalCorrelationAnalysis.Fit"/>, itself checked
/// against SAS and R): Parquet, CSV and SQL input streamed through DuckDB, and the co-moment SQL run in DuckDB and
/// fitted from its saved result, including data with a large offset (means near 10⁶).
/// </summary>
public class LargeDataCcaTests
{
    private static readonly string[] X = ["a", "b", "c", "d"], Y = ["e", "f", "g"];
    private static readonly string[] Header = ["id", .. X, .. Y];

    [Fact]
    public void Parquet_fit_agrees_with_the_in_memory_fit()
    {
        var (x, y) = TestData.Related(40000, 4, 3, 31); // 2.4 chunks of the kernel, 20 of DuckDB
        using var files = new DuckDbFiles();
        var parquet = files.Parquet(files.Csv("r.csv", Header, DuckDbFiles.Rows(x, y)), "r.parquet");
        var reports = new List<double>();
        var streamed = LargeDataCca.FitFile(parquet, X, Y, new SynchronousProgress(reports.Add));
        AssertAgrees(CanonicalCorrelationAnalysis.Fit(x, y), streamed, 1e-10);
        Assert.Equal(40000, streamed.N);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.Count >= 3, "progress is reported once per chunk of 16,384 rows");
        for (int i = 1; i < reports.Count; i++) Assert.True(reports[i] >= reports[i - 1]);
        Assert.Equal(40000, DuckDbRowReader.ParquetRows(parquet));
    }

    [Fact]
    public void Csv_through_a_duckdb_query_agrees_with_the_in_memory_fit()
    {
        var (x, y) = TestData.Related(20000, 4, 3, 32);
        using var files = new DuckDbFiles();
        var csv = files.Csv("r.csv", Header, DuckDbFiles.Rows(x, y));
        AssertAgrees(CanonicalCorrelationAnalysis.Fit(x, y), LargeDataCca.FitQuery($"SELECT * FROM read_csv('{csv}')", X, Y), 1e-10);
        Assert.Contains("not read through DuckDB", Assert.Throws<PanelFormatException>(() => LargeDataCca.FitFile(csv, X, Y)).Message);
    }

    [Fact]
    public void Sql_with_a_filter_fits_the_selected_rows()
    {
        var (x, y) = TestData.Related(6000, 4, 3, 33);
        using var files = new DuckDbFiles();
        var parquet = files.Parquet(files.Csv("r.csv", Header, DuckDbFiles.Rows(x, y)), "r.parquet");
        var fit = LargeDataCca.FitQuery($"SELECT * FROM read_parquet('{parquet}') WHERE id % 3 = 0", X, Y);
        var keep = Enumerable.Range(0, 6000).Where(i => i % 3 == 0).ToArray();
        AssertAgrees(CanonicalCorrelationAnalysis.Fit(Rows(x, keep), Rows(y, keep)), fit, 1e-10);
        Assert.Equal(2000, fit.N);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e6)]
    public void Co_moment_sql_run_in_duckdb_then_fitted_agrees_with_the_in_memory_fit(double offset)
    {
        var (x, y) = TestData.Related(5000, 4, 3, 34);
        for (int i = 0; i < 5000; i++)
        {
            for (int j = 0; j < 4; j++) x[i, j] += offset * (j + 1);
            for (int j = 0; j < 3; j++) y[i, j] -= offset * (j + 2);
        }
        using var files = new DuckDbFiles();
        var parquet = files.Parquet(files.Csv("r.csv", Header, DuckDbFiles.Rows(x, y)), "r.parquet");
        var database = Path.Combine(files.Folder, "warehouse.duckdb");
        DuckDbFiles.Execute($"ATTACH '{database}' AS warehouse; CREATE TABLE warehouse.panel AS SELECT * FROM read_parquet('{parquet}')");
        var sql = CoMomentSql.Query("warehouse.panel", X, Y);
        var result = Path.Combine(files.Folder, "moments.csv");
        DuckDbFiles.Execute($"ATTACH '{database}' AS warehouse; COPY ({sql}) TO '{result}' (HEADER, DELIMITER ',')");
        var fromSql = LargeDataCca.FitMomentsFile(result);
        var memory = CanonicalCorrelationAnalysis.Fit(x, y);
        AssertAgrees(memory, fromSql, 1e-10);
        Assert.Equal(X, fromSql.XNames);
        Assert.Equal(Y, fromSql.YNames);
        if (offset > 0)
        {
            // The test has teeth: the one-pass forms, the textbook Σab − Σa Σb / n and the engine's own covar_samp,
            // lose digits on these data that the centred two-pass sums keep.
            var naive = Path.Combine(files.Folder, "naive.csv");
            DuckDbFiles.Execute($"ATTACH '{database}' AS warehouse; COPY (SELECT sum(a * b) - sum(a) * sum(b) / count(*) AS textbook, covar_samp(a, b) * (count(*) - 1) AS updating FROM warehouse.panel) TO '{naive}' (HEADER)");
            var lost = File.ReadAllLines(naive)[1].Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            double exact = CoMoments.Compute(TestData.Columns(x, 0), TestData.Columns(x, 1)).Covariance()[0, 1] * 4999;
            Assert.True(Math.Abs(lost[0] - exact) > 1e-8 * Math.Abs(exact), $"textbook {lost[0]} vs {exact}");
            Assert.True(Math.Abs(lost[1] - exact) > 1e-11 * Math.Abs(exact), $"covar_samp {lost[1]} vs {exact}");
            var centred = CoMomentSql.ReadResult(result).CoMoments[0, 1];
            Assert.True(Math.Abs(centred - exact) < 1e-12 * Math.Abs(exact), $"centred sums {centred} vs {exact}");
        }
    }

    [Fact]
    public void The_query_uses_only_portable_aggregates_and_plain_names()
    {
        var sql = CoMomentSql.Query("db.schema.panel", ["x1", "x2"], ["y1"]);
        var calls = System.Text.RegularExpressions.Regex.Matches(sql, @"\b([a-z_]+)\(").Select(m => m.Groups[1].Value).Distinct().Order();
        Assert.Equal(["avg", "count", "max", "sum"], calls);
        Assert.Contains("'x=x1,x2;y=y1' AS variables", sql);
        Assert.Contains("sum((t.x2 - c.mean_2) * (t.y1 - c.mean_3)) AS comoment_2_3", sql);
        Assert.DoesNotContain("comoment_2_1", sql);
        Assert.EndsWith("FROM db.schema.panel AS t CROSS JOIN centre AS c\n", sql);
        Assert.Throws<ArgumentException>(() => CoMomentSql.Query("panel", ["x 1"], ["y"]));
        Assert.Throws<ArgumentException>(() => CoMomentSql.Query("panel; DROP TABLE t", ["x"], ["y"]));
    }

    [Fact]
    public void A_moments_file_with_missing_rows_or_the_wrong_shape_is_refused()
    {
        using var files = new DuckDbFiles();
        var good = "variables,n,rows_with_missing,mean_1,mean_2,comoment_1_1,comoment_1_2,comoment_2_2\n\"x=a;y=b\",10,0,1,2,1,0.5,1\n";
        var path = Path.Combine(files.Folder, "m.csv");
        File.WriteAllText(path, good.Replace(",10,0,", ",10,3,", StringComparison.Ordinal));
        var missing = Assert.Throws<PanelFormatException>(() => LargeDataCca.FitMomentsFile(path));
        Assert.Contains("3 row(s) of the table have an empty (NULL) value", missing.Message);
        Assert.Contains("an analysis needs a value in every cell it uses", missing.Message);
        File.WriteAllText(path, good.Replace(",comoment_2_2", "", StringComparison.Ordinal).Replace(",0.5,1\n", ",0.5\n", StringComparison.Ordinal));
        Assert.Contains("no column 'comoment_2_2'", Assert.Throws<PanelFormatException>(() => LargeDataCca.FitMomentsFile(path)).Message);
        File.WriteAllText(path, good + good.Split('\n')[1] + "\n");
        Assert.Contains("2 data rows", Assert.Throws<PanelFormatException>(() => LargeDataCca.FitMomentsFile(path)).Message);
        File.WriteAllText(path, good.Replace("x=a;y=b", "a,b", StringComparison.Ordinal));
        Assert.Contains("x=A,B;y=C,D", Assert.Throws<PanelFormatException>(() => LargeDataCca.FitMomentsFile(path)).Message);
        File.WriteAllText(path, good.Replace(",10,0,", ",3,0,", StringComparison.Ordinal));
        Assert.Contains("too few", Assert.Throws<CcaDataException>(() => LargeDataCca.FitMomentsFile(path)).Message);
    }

    private static double[,] Rows(double[,] m, int[] keep)
    {
        var r = new double[keep.Length, m.GetLength(1)];
        for (int i = 0; i < keep.Length; i++)
            for (int j = 0; j < m.GetLength(1); j++) r[i, j] = m[keep[i], j];
        return r;
    }

    private static void AssertAgrees(CcaResult expected, CcaResult actual, double tolerance)
    {
        Assert.Equal(expected.N, actual.N);
        for (int k = 0; k < expected.Count; k++)
        {
            Close(expected.Correlations[k], actual.Correlations[k], tolerance);
            for (int j = 0; j < expected.P; j++)
            {
                Close(expected.StandardizedCoefficientsX[j, k], actual.StandardizedCoefficientsX[j, k], tolerance);
                Close(expected.RawCoefficientsX![j, k], actual.RawCoefficientsX![j, k], tolerance);
            }
            for (int j = 0; j < expected.YNames.Count; j++) Close(expected.RawCoefficientsY![j, k], actual.RawCoefficientsY![j, k], tolerance);
        }
        for (int j = 0; j < expected.P; j++) Close(expected.MeansX![j], actual.MeansX![j], tolerance);
        for (int j = 0; j < expected.YNames.Count; j++) Close(expected.MeansY![j], actual.MeansY![j], tolerance);
    }

    private static void Close(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1e-3, Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R} (relative tolerance {relative})");

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
