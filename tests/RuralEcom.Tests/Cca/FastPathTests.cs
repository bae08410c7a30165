using RuralEcom.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using RuralEcom.Cca;

namespace RuralEcom.Tests.Cca;

/// <summary>
/// The fast paths (hand-written small QR/SVD, permutation kernel, blocked co-moments, streaming) against an
/// independent reference: MathNet's Householder QR and SVD of Qxᵀ Qy on the standardized data (Björck &amp; Golub 1973),
/// the route the engine used before the fast kernels. Tolerances are relative, 1e-10 unless stated.
/// </summary>
public class FastPathTests
{
    /// <summary>Reference canonical correlations and standardized X coefficients from MathNet's QR and SVD.</summary>
    private static (double[] Rho, Matrix<double> A) Reference(double[,] x, double[,] y)
    {
        static Matrix<double> Z(double[,] d)
        {
            var m = Matrix<double>.Build.DenseOfArray(d);
            for (int j = 0; j < m.ColumnCount; j++)
            {
                var c = m.Column(j);
                double mean = c.Average(), sd = Math.Sqrt(c.Subtract(mean).PointwisePower(2).Sum() / (m.RowCount - 1));
                m.SetColumn(j, c.Subtract(mean) / sd);
            }
            return m;
        }
        var qrx = Z(x).QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var qry = Z(y).QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var svd = qrx.Q.TransposeThisAndMultiply(qry.Q).Svd(true);
        int k = Math.Min(x.GetLength(1), y.GetLength(1));
        var a = qrx.R.Solve(svd.U.SubMatrix(0, x.GetLength(1), 0, k)) * Math.Sqrt(x.GetLength(0) - 1.0);
        return (svd.S.Take(k).ToArray(), a);
    }

    private static void Close(double expected, double actual, double tol = 1e-10) =>
        Assert.True(Math.Abs(expected - actual) <= tol * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    private static double[,] PermuteRows(double[,] m, int[] order)
    {
        var r = new double[m.GetLength(0), m.GetLength(1)];
        for (int i = 0; i < order.Length; i++)
            for (int j = 0; j < m.GetLength(1); j++) r[i, j] = m[order[i], j];
        return r;
    }

    [Theory]
    [InlineData(8, 11, 1)]
    [InlineData(11, 8, 2)]
    [InlineData(5, 5, 3)]
    [InlineData(1, 6, 4)]
    public void Jacobi_svd_matches_MathNet(int p, int q, int seed)
    {
        var c = TestData.Gaussian(p, q, seed);
        var (rho, u, v) = SmallDense.Svd(c);
        var expected = Matrix<double>.Build.DenseOfArray(c).Svd(true);
        int k = Math.Min(p, q);
        // Svd clamps to [0, 1], so compare after scaling C into the unit ball.
        double scale = expected.S[0];
        var (rho2, u2, v2) = SmallDense.Svd(Scale(c, 1 / scale));
        for (int i = 0; i < k; i++) Close(expected.S[i] / scale, rho2[i], 1e-13);
        // U diag(ρ) Vᵀ reproduces C; U and V have orthonormal columns.
        var um = Matrix<double>.Build.DenseOfArray(u2);
        var vm = Matrix<double>.Build.DenseOfArray(v2);
        var rebuilt = um * Matrix<double>.Build.DenseOfDiagonalArray(rho2) * vm.Transpose() * scale;
        Assert.True((rebuilt - Matrix<double>.Build.DenseOfArray(c)).InfinityNorm() < 1e-12 * scale);
        Assert.True((um.TransposeThisAndMultiply(um) - Matrix<double>.Build.DenseIdentity(k)).InfinityNorm() < 1e-13);
        Assert.True((vm.TransposeThisAndMultiply(vm) - Matrix<double>.Build.DenseIdentity(k)).InfinityNorm() < 1e-13);
        Assert.Equal(k, rho.Length);
        Assert.Equal(k, u.GetLength(1));
        Assert.Equal(k, v.GetLength(1));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 3)]
    [InlineData(8, 4)]
    [InlineData(11, 5)]
    public void Symmetric_eigenvalues_match_MathNet(int k, int seed)
    {
        var b = TestData.Gaussian(k, k, seed);
        var a = new double[k * k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) a[i * k + j] = b[i, j] + b[j, i];
        var expected = Matrix<double>.Build.Dense(k, k, (i, j) => a[i * k + j]).Evd(Symmetricity.Symmetric).EigenValues
            .Select(z => z.Real).OrderByDescending(z => z).ToArray();
        var values = new double[k];
        SmallDense.SymmetricEigenvalues(a, k, values);
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < k; i++) Assert.True(Math.Abs(expected[i] - values[i]) <= 1e-13 * scale, $"{i}: {expected[i]:R} vs {values[i]:R}");
    }

    [Fact]
    public void Symmetric_eigenvalues_of_diagonal_and_repeated_cases()
    {
        // diag(3, 1, 2): already diagonal; and 2 I + 1 1ᵀ (4 × 4): eigenvalues 6, 2, 2, 2 by hand.
        var diag = new double[] { 3, 0, 0, 0, 1, 0, 0, 0, 2 };
        var values = new double[3];
        SmallDense.SymmetricEigenvalues(diag, 3, values);
        Assert.Equal([3.0, 2.0, 1.0], values);
        var rep = new double[16];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) rep[i * 4 + j] = i == j ? 3 : 1;
        var four = new double[4];
        SmallDense.SymmetricEigenvalues(rep, 4, four);
        Close(6, four[0], 1e-14);
        for (int i = 1; i < 4; i++) Close(2, four[i], 1e-14);
    }

    private static double[,] Scale(double[,] m, double f)
    {
        var r = (double[,])m.Clone();
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++) r[i, j] *= f;
        return r;
    }

    [Fact]
    public void Householder_qr_reproduces_the_matrix_with_orthonormal_q()
    {
        int n = 30, m = 7;
        var a = TestData.Gaussian(n, m, 5);
        var colMajor = new double[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) colMajor[j * n + i] = a[i, j];
        var r = new double[m * m];
        var q = new double[n * m];
        SmallDense.ThinQR(colMajor, n, m, r, q, new double[m]);
        var qm = Matrix<double>.Build.Dense(n, m, (i, j) => q[i * m + j]);
        var rm = Matrix<double>.Build.Dense(m, m, (i, j) => r[i * m + j]);
        Assert.True((qm * rm - Matrix<double>.Build.DenseOfArray(a)).InfinityNorm() < 1e-13);
        Assert.True((qm.TransposeThisAndMultiply(qm) - Matrix<double>.Build.DenseIdentity(m)).InfinityNorm() < 1e-14);
        for (int i = 1; i < m; i++)
            for (int j = 0; j < i; j++) Assert.Equal(0.0, rm[i, j]);
        // |diag R| is unique: compare with MathNet's QR.
        var expected = Matrix<double>.Build.DenseOfArray(a).QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R;
        for (int j = 0; j < m; j++) Close(Math.Abs(expected[j, j]), Math.Abs(rm[j, j]), 1e-13);
    }

    [Theory]
    [InlineData(55, 8, 11, 1)]
    [InlineData(40, 6, 3, 2)]
    [InlineData(200, 10, 10, 3)]
    public void Fit_matches_the_MathNet_QR_SVD_reference(int n, int p, int q, int seed)
    {
        var (x, y) = TestData.Related(n, p, q, seed);
        var fit = CanonicalCorrelationAnalysis.Fit(x, y);
        var (rho, a) = Reference(x, y);
        for (int k = 0; k < fit.Count; k++)
        {
            Close(rho[k], fit.Correlations[k]);
            double sign = Math.Sign(a[0, k]) * Math.Sign(fit.StandardizedCoefficientsX[0, k]);
            for (int j = 0; j < p; j++) Close(a[j, k], sign * fit.StandardizedCoefficientsX[j, k], 1e-9);
        }
        // The correlation matrix, derived from the QR factors, equals Pearson's correlations of the columns.
        var columns = Enumerable.Range(0, p).Select(j => Enumerable.Range(0, n).Select(i => x[i, j]).ToArray())
            .Concat(Enumerable.Range(0, q).Select(j => Enumerable.Range(0, n).Select(i => y[i, j]).ToArray())).ToArray();
        for (int i = 0; i < p + q; i++)
            for (int j = 0; j < p + q; j++) Close(TestData.Correlation(columns[i], columns[j]), fit.CorrelationMatrix[i, j], 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Blocked_co_moments_match_two_pass_covariance_and_do_not_depend_on_threads(int threads)
    {
        // 40,000 rows span three chunks; an offset of 1e6 on every value tests that the shift keeps the digits.
        var (x, y) = TestData.Related(40000, 7, 6, 14);
        for (int i = 0; i < 40000; i++) { x[i, 0] += 1e6; y[i, 2] -= 3e5; }
        var m = CoMoments.Compute(x, y, threads);
        var same = CoMoments.Compute(x, y, 3 - threads);
        Assert.Equal(m.Covariance(), same.Covariance());
        var all = new double[40000, 13];
        for (int i = 0; i < 40000; i++)
        {
            for (int j = 0; j < 7; j++) all[i, j] = x[i, j];
            for (int j = 0; j < 6; j++) all[i, 7 + j] = y[i, j];
        }
        // Reference: the corrected two-pass algorithm (Chan, Golub & LeVeque 1983, eq. 1.7) per pair of columns.
        var cov = m.Covariance();
        var means = m.Means();
        var cols = Enumerable.Range(0, 13).Select(j => Enumerable.Range(0, 40000).Select(i => all[i, j]).ToArray()).ToArray();
        var mu = cols.Select(c => { double a = c.Average(); return a + c.Sum(v => v - a) / c.Length; }).ToArray();
        for (int j = 0; j < 13; j++)
        {
            Close(mu[j], means[j], 1e-13);
            for (int l = 0; l < 13; l++)
            {
                double s = 0;
                for (int i = 0; i < 40000; i++) s += (cols[j][i] - mu[j]) * (cols[l][i] - mu[l]);
                // Scale by the standard deviations: the error bound of a co-moment is relative to √(C_jj C_ll).
                double sd = Math.Sqrt(cov[j, j] * cov[l, l]);
                Assert.True(Math.Abs(s / 39999 - cov[j, l]) <= 1e-11 * sd, $"({j}, {l}): {s / 39999:R} vs {cov[j, l]:R}");
            }
        }
        Assert.Equal(40000, m.Count);
    }

    [Theory]
    [InlineData(5, 14)]
    [InlineData(8, 8)]
    [InlineData(3, 2)]
    [InlineData(13, 30)]
    public void Packed_panels_hold_the_scaled_shifted_values_of_both_sides(int p, int q)
    {
        // X and Y read in place: panels that lie within one side, across both, and past v (zero padding), on every
        // row including the first and last (where the blended loads would leave the arrays).
        if (!System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated) return;
        int rows = 9, v = p + q, stride = (v + 7) / 8 * 8;
        var x = new double[rows * p];
        var y = new double[rows * q];
        var rng = new Random(p * 100 + q);
        for (int i = 0; i < x.Length; i++) x[i] = rng.NextDouble() * 8 - 4;
        for (int i = 0; i < y.Length; i++) y[i] = rng.NextDouble() * 8 - 4;
        var scale = new double[stride];
        var shift = new double[stride];
        for (int j = 0; j < v; j++)
        {
            scale[j] = Math.Pow(2, j % 5 - 2);
            shift[j] = j * 0.25;
        }
        var sum = new double[stride];
        var panels = new double[stride / 8 * CoMoments.PanelSize(rows)];
        CoMoments.PackPanels(new CoMoments.RowSource(x, p, y, q), 0, rows, stride, scale, shift, sum, panels);
        for (int j = 0; j < stride; j++)
        {
            double total = 0;
            for (int r = 0; r < rows; r++)
            {
                double expected = j < p ? x[r * p + j] * scale[j] - shift[j] : j < v ? y[r * q + j - p] * scale[j] - shift[j] : 0;
                Assert.Equal(expected, panels[j / 8 * CoMoments.PanelSize(rows) + r * 8 + j % 8]);
                total += expected;
            }
            Close(total, sum[j], 1e-14);
        }
    }

    [Theory]
    [InlineData(12)]
    [InlineData(16)]
    public void Both_cross_product_kernels_equal_a_naive_sum(int tile)
    {
        // The AVX-512 kernel (16-column tiles) runs on this machine's CPU if it has AVX-512; the 12-column kernel
        // runs elsewhere. Both are checked here against Σ_r d_ri d_rj on and above the diagonal.
        if (tile == 16 && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated) return;
        int rows = 37, stride = 3 * 48 / tile * tile / 3, v = stride - 5;
        var d = new double[rows * stride];
        var rng = new Random(19);
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < v; j++) d[r * stride + j] = rng.NextDouble() - 0.5;
        var g = new double[stride * stride];
        if (tile == 16)
        {
            var panels = new double[stride / 8 * CoMoments.PanelSize(rows)];
            CoMoments.PackPanels(new CoMoments.RowSource(d, stride, default, 0), 0, rows, stride, Enumerable.Repeat(1.0, stride).ToArray(), new double[stride], new double[stride], panels);
            CoMoments.GramUpper512(panels, rows, stride, g);
        }
        else
        {
            CoMoments.GramUpper(d, rows, stride, g);
        }
        for (int i = 0; i < v; i++)
            for (int j = i; j < v; j++)
            {
                double s = 0;
                for (int r = 0; r < rows; r++) s += d[r * stride + i] * d[r * stride + j];
                Close(s, g[i * stride + j], 1e-13);
            }
    }

    [Fact]
    public void Merging_and_adding_rows_equals_computing_at_once()
    {
        var (x, y) = TestData.Related(1000, 3, 2, 15);
        var whole = CoMoments.Compute(x, y);
        var first = new CoMoments(5);
        var second = new CoMoments(5);
        var rows = new double[1000 * 5];
        for (int i = 0; i < 1000; i++)
        {
            for (int j = 0; j < 3; j++) rows[i * 5 + j] = x[i, j];
            for (int j = 0; j < 2; j++) rows[i * 5 + 3 + j] = y[i, j];
        }
        first.Add(rows.AsSpan(0, 300 * 5));
        second.Add(rows.AsSpan(300 * 5));
        first.Merge(second);
        Assert.Equal(1000, first.Count);
        var a = whole.Covariance();
        var b = first.Covariance();
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++) Close(a[i, j], b[i, j], 1e-13);
        Assert.Throws<ArgumentException>(() => first.Add(new double[7]));
    }

    [Fact]
    public void Large_fit_equals_the_stable_fit()
    {
        var (x, y) = TestData.Related(20000, 10, 12, 16);
        var stable = CanonicalCorrelationAnalysis.Fit(x, y);
        var large = CanonicalCorrelationAnalysis.FitLarge(x, y);
        var one = CanonicalCorrelationAnalysis.FitLarge(x, y, maxDegreeOfParallelism: 1);
        for (int k = 0; k < stable.Count; k++)
        {
            Close(stable.Correlations[k], large.Correlations[k]);
            Assert.Equal(large.Correlations[k], one.Correlations[k]);
            for (int j = 0; j < 10; j++)
            {
                Close(stable.StandardizedCoefficientsX[j, k], large.StandardizedCoefficientsX[j, k], 1e-9);
                Close(stable.RawCoefficientsX![j, k], large.RawCoefficientsX![j, k], 1e-9);
                Close(stable.Structure.X[j, k], large.Structure.X[j, k], 1e-9);
            }
            Close(stable.Redundancy.OwnY[k], large.Redundancy.OwnY[k]);
        }
        for (int j = 0; j < 10; j++) Close(stable.MeansX![j], large.MeansX![j], 1e-13);
        Assert.Null(large.ScoresX);
    }

    [Fact]
    public void Large_fit_names_a_non_finite_value()
    {
        var (x, y) = TestData.Related(100, 3, 3, 17);
        y[41, 1] = double.NaN;
        var e = Assert.Throws<CcaDataException>(() => CanonicalCorrelationAnalysis.FitLarge(x, y));
        Assert.Contains("row 42", e.Message);
        Assert.Contains("column 2", e.Message);
    }

    [Fact]
    public void Streaming_csv_fit_equals_the_in_memory_fit()
    {
        var (x, y) = TestData.Related(40000, 4, 3, 18);
        string path = Path.Combine(Path.GetTempPath(), $"ruralecom-stream-{Environment.ProcessId}.csv");
        try
        {
            using (var w = new StreamWriter(path))
            {
                w.WriteLine("id,a,b,c,d,e,f,g");
                for (int i = 0; i < 40000; i++)
                    w.WriteLine(FormattableString.Invariant($"{i},{x[i, 0]:R},{x[i, 1]:R},{x[i, 2]:R},{x[i, 3]:R},{y[i, 0]:R},{y[i, 1]:R},{y[i, 2]:R}"));
            }
            var reports = new List<double>();
            var progress = new SynchronousProgress(reports.Add);
            var streamed = StreamingCca.FitCsv(path, ["a", "b", "c", "d"], ["e", "f", "g"], progress);
            var memory = CanonicalCorrelationAnalysis.Fit(x, y);
            for (int k = 0; k < 3; k++)
            {
                Close(memory.Correlations[k], streamed.Correlations[k]);
                for (int j = 0; j < 4; j++) Close(memory.StandardizedCoefficientsX[j, k], streamed.StandardizedCoefficientsX[j, k], 1e-9);
            }
            Assert.Equal(["a", "b", "c", "d"], streamed.XNames);
            Assert.Equal(40000, streamed.N);
            Assert.True(reports.Count >= 3, "progress is reported once per chunk");
            Assert.Equal(1.0, reports[^1]);
            for (int i = 1; i < reports.Count; i++) Assert.True(reports[i] >= reports[i - 1]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Streaming_errors_name_the_line_and_column()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ruralecom-bad-{Environment.ProcessId}.csv");
        try
        {
            var lines = new List<string> { "a,b,c" };
            for (int i = 0; i < 20; i++) lines.Add(FormattableString.Invariant($"{i},{i * i % 7},{i % 3}"));
            lines[6] = "5,oops,2"; // line 7 of the file
            File.WriteAllLines(path, lines);
            var e = Assert.Throws<CcaDataException>(() => StreamingCca.ReadCsv(path, ["a", "b", "c"]));
            Assert.Contains("line 7", e.Message);
            Assert.Contains("'b'", e.Message);
            Assert.Contains("oops", e.Message);
            lines[6] = "5,4,2";
            lines[1] = "0,1,x"; // the first data row is line 2
            File.WriteAllLines(path, lines);
            var first = Assert.Throws<CcaDataException>(() => StreamingCca.ReadCsv(path, ["a", "b", "c"]));
            Assert.Contains("line 2,", first.Message);
            var missing = Assert.Throws<CcaDataException>(() => StreamingCca.ReadCsv(path, ["a", "zz"]));
            Assert.Contains("no column 'zz'", missing.Message);
            Assert.Throws<CcaDataException>(() => StreamingCca.ReadCsv(path + ".none", ["a", "b"]));
        }
        finally { File.Delete(path); }
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
