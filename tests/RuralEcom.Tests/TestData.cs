using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace RuralEcom.Tests;

/// <summary>Seeded random matrices for property tests.</summary>
internal static class TestData
{
    /// <summary>n × p independent standard normal values.</summary>
    public static double[,] Gaussian(int n, int p, int seed)
    {
        var rng = new MersenneTwister(seed);
        var m = new double[n, p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) m[i, j] = Normal.Sample(rng, 0, 1);
        return m;
    }

    /// <summary>X (n × p) and Y (n × q) sharing two latent factors, so the sets are clearly related.</summary>
    public static (double[,] X, double[,] Y) Related(int n, int p, int q, int seed)
    {
        var latent = Gaussian(n, 2, seed);
        var x = Gaussian(n, p, seed + 1);
        var y = Gaussian(n, q, seed + 2);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++) x[i, j] += (j % 2 == 0 ? 1.5 : 0.7) * latent[i, j % 2];
            for (int j = 0; j < q; j++) y[i, j] += (j % 2 == 0 ? 1.2 : 0.9) * latent[i, (j + 1) % 2];
        }
        return (x, y);
    }

    /// <summary>The columns of <paramref name="m"/> selected by index.</summary>
    public static double[,] Columns(double[,] m, params int[] columns)
    {
        var r = new double[m.GetLength(0), columns.Length];
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < columns.Length; j++) r[i, j] = m[i, columns[j]];
        return r;
    }

    /// <summary>Sample correlation of two equally long vectors.</summary>
    public static double Correlation(double[] a, double[] b) => MathNet.Numerics.Statistics.Correlation.Pearson(a, b);

    /// <summary>Sample variance (divisor n − 1).</summary>
    public static double Variance(double[] a) => MathNet.Numerics.Statistics.Statistics.Variance(a);
}
