using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using RuralEcom.Numerics;

namespace RuralEcom.Tests.Numerics;

/// <summary>
/// The permutation kernel's shortcuts against MathNet's dense factorizations: the largest eigenvalue of a symmetric
/// tridiagonal matrix (Laguerre) and det(I − T) (continuant) against MathNet's symmetric EVD, and the stepwise
/// statistics of every trailing block of M = Uxᵀ P Vy against MathNet's SVD of that block, formed from the permuted
/// rows directly. Tolerances: 1e-12 absolute on quantities in [0, 1].
/// </summary>
public class PermutationKernelTests
{
    private static (double[] D, double[] E, double[] Eigenvalues) RandomTridiagonal(int k, int seed, bool cluster)
    {
        var rng = new Random(seed);
        var d = Enumerable.Range(0, k).Select(_ => rng.NextDouble()).ToArray();
        var e = Enumerable.Range(0, k).Select(i => i + 1 < k ? rng.NextDouble() - 0.5 : 0).ToArray();
        if (cluster && k >= 3)
        {
            // Two decoupled copies of the same 2 × 2 block at the top: the largest eigenvalue may be double.
            d[1] = d[0]; e[0] = 0.3; e[1] = 0;
        }
        var t = Matrix<double>.Build.Dense(k, k, (i, j) => i == j ? d[i] : i == j + 1 ? e[j] : j == i + 1 ? e[i] : 0);
        var values = t.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).OrderByDescending(z => z).ToArray();
        return (d, e, values);
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(2, 2, false)]
    [InlineData(5, 3, false)]
    [InlineData(8, 4, false)]
    [InlineData(30, 5, false)]
    [InlineData(200, 6, false)]
    [InlineData(6, 7, true)]
    public void Largest_tridiagonal_eigenvalue_and_determinant_match_MathNet(int k, int seed, bool cluster)
    {
        var (d, e, values) = RandomTridiagonal(k, seed, cluster);
        double scale = Math.Max(1, values.Max(Math.Abs));
        Assert.InRange(SmallDense.LargestTridiagonalEigenvalue(d, e) - values[0], -1e-12 * scale, 1e-12 * scale);
        // A valid upper bound (the true value itself, or above it) gives the same root.
        Assert.InRange(SmallDense.LargestTridiagonalEigenvalue(d, e, values[0]) - values[0], -1e-12 * scale, 1e-12 * scale);
        Assert.InRange(SmallDense.LargestTridiagonalEigenvalue(d, e, values[0] + 0.5) - values[0], -1e-12 * scale, 1e-12 * scale);
        if (k <= 30)
        {
            double det = values.Aggregate(1.0, (a, v) => a * (1 - v));
            Assert.InRange(SmallDense.IdentityMinusTridiagonalDeterminant(d, e) - det, -1e-12 * Math.Max(1, Math.Abs(det)), 1e-12 * Math.Max(1, Math.Abs(det)));
        }
    }

    [Fact]
    public void Zero_and_diagonal_tridiagonal_matrices()
    {
        Assert.Equal(0.0, SmallDense.LargestTridiagonalEigenvalue([0.0, 0.0, 0.0], [0.0, 0.0, 0.0]));
        Assert.Equal(0.7, SmallDense.LargestTridiagonalEigenvalue([0.2, 0.7, 0.1], [0.0, 0.0, 0.0]), 15);
        // det(I − diag(0.2, 0.5)) = 0.8 · 0.5 by hand.
        Assert.Equal(0.4, SmallDense.IdentityMinusTridiagonalDeterminant([0.2, 0.5], [0.0, 0.0]), 15);
    }

    [Theory]
    [InlineData(55, 8, 11, 1)]
    [InlineData(40, 6, 3, 2)]
    [InlineData(30, 5, 5, 3)]
    [InlineData(25, 1, 4, 4)]
    [InlineData(60, 13, 9, 5)]
    public void Stepwise_statistics_match_the_svd_of_each_trailing_block(int n, int p, int q, int seed)
    {
        // Orthonormal bases of random centred data (MathNet QR), as the test uses them.
        var ux = Orthonormal(n, p, seed);
        var vy = Orthonormal(n, q, seed + 100);
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var kernel = new PermutationKernel(new PermutationKernel.Bases(ux.ToRowMajorArray(), vy.ToRowMajorArray(), n, p, q));
        int k = Math.Min(p, q);
        var roy = new double[k];
        var wilks = new double[k];
        kernel.Statistics(order, roy, wilks);

        var permuted = Matrix<double>.Build.Dense(n, q, (i, j) => vy[order[i], j]);
        var m = ux.TransposeThisAndMultiply(permuted);
        for (int d = 0; d < k; d++)
        {
            var sigma = m.SubMatrix(d, p - d, d, q - d).Svd(computeVectors: false).S.ToArray();
            Assert.InRange(roy[d] - sigma[0], -1e-12, 1e-12);
            double lambda = sigma.Aggregate(1.0, (a, s) => a * (1 - s * s));
            Assert.InRange(wilks[d] - lambda, -1e-12, 1e-12);
        }
    }

    private static Matrix<double> Orthonormal(int n, int columns, int seed)
    {
        var z = Matrix<double>.Build.DenseOfArray(TestData.Gaussian(n, columns, seed));
        var centred = z - Matrix<double>.Build.Dense(n, columns, (_, j) => z.Column(j).Average());
        return centred.QR(QRMethod.Thin).Q;
    }
}
