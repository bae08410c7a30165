using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using RuralEcom.Cca;
using RuralEcom.Numerics;

namespace RuralEcom.Benchmarks;

/// <summary>
/// The library's hand-written small kernels against MathNet.Numerics 5.0.0 on the same inputs: the singular values
/// of the 8 × 11 whitened cross block of the bundled panel, and the same small fit (standardize, thin QR of both
/// blocks, SVD of Qxᵀ Qy, back-substitution for the coefficients) written with MathNet's dense matrices.
/// </summary>
[Config(typeof(FastJobConfig))]
public class MathNetBaselineBenchmarks
{
    private double[,] _x = null!, _y = null!;
    private double[] _cross = null!;
    private Matrix<double> _crossMatrix = null!;
    private readonly double[] _values = new double[8];

    /// <summary>Loads the panel and forms the 8 × 11 cross block Qxᵀ Qy once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = BenchmarkData.Panel();
        var (_, qx, qy, _, _) = MathNetCca.Factors(_x, _y);
        _crossMatrix = qx.TransposeThisAndMultiply(qy);
        _cross = _crossMatrix.ToRowMajorArray();
    }

    /// <summary>Singular values of the 8 × 11 block with the library's kernel (eigenvalues of the 8 × 8 Gram matrix).</summary>
    [Benchmark]
    public double SingularValuesLibrary()
    {
        SmallDense.SingularValues(_cross, 8, 11, 11, _values);
        return _values[0];
    }

    /// <summary>Singular values of the same block with MathNet's SVD (no vectors).</summary>
    [Benchmark]
    public double SingularValuesMathNet() => _crossMatrix.Svd(computeVectors: false).S[0];

    /// <summary>The whole library fit (correlations, both coefficient sets, structure, redundancy, correlation blocks).</summary>
    [Benchmark(Baseline = true)]
    public CcaResult FitLibrary() => CanonicalCorrelationAnalysis.Fit(_x, _y);

    /// <summary>The same small fit through MathNet: correlations and both coefficient sets only.</summary>
    [Benchmark]
    public double FitMathNet() => MathNetCca.Fit(_x, _y).Rho[0];
}

/// <summary>A canonical correlation analysis written with MathNet.Numerics' dense matrices, as the benchmark baseline.</summary>
internal static class MathNetCca
{
    /// <summary>Thin QR factors of the standardized blocks: Zx = Qx Rx, Zy = Qy Ry.</summary>
    public static (int N, Matrix<double> Qx, Matrix<double> Qy, Matrix<double> Rx, Matrix<double> Ry) Factors(double[,] x, double[,] y)
    {
        var zx = Standardized(Matrix<double>.Build.DenseOfArray(x));
        var zy = Standardized(Matrix<double>.Build.DenseOfArray(y));
        var qrx = zx.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var qry = zy.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        return (x.GetLength(0), qrx.Q, qry.Q, qrx.R, qry.R);
    }

    /// <summary>ρ = singular values of Qxᵀ Qy; A = Rx⁻¹ U √(n − 1), B = Ry⁻¹ V √(n − 1) (unit-variance variates).</summary>
    public static (double[] Rho, Matrix<double> A, Matrix<double> B) Fit(double[,] x, double[,] y)
    {
        var (n, qx, qy, rx, ry) = Factors(x, y);
        int k = Math.Min(qx.ColumnCount, qy.ColumnCount);
        var svd = qx.TransposeThisAndMultiply(qy).Svd(computeVectors: true);
        double scale = Math.Sqrt(n - 1.0);
        var a = rx.Solve(svd.U.SubMatrix(0, qx.ColumnCount, 0, k)) * scale;
        var b = ry.Solve(svd.VT.Transpose().SubMatrix(0, qy.ColumnCount, 0, k)) * scale;
        return (svd.S.SubVector(0, k).ToArray(), a, b);
    }

    private static Matrix<double> Standardized(Matrix<double> m)
    {
        var z = m.Clone();
        for (int j = 0; j < z.ColumnCount; j++)
        {
            var c = z.Column(j);
            var (mean, sd) = MathNet.Numerics.Statistics.Statistics.MeanStandardDeviation(c);
            z.SetColumn(j, (c - mean) / sd);
        }
        return z;
    }
}
