namespace RuralEcom.Benchmarks;

/// <summary>Inputs of the benchmarks, generated with fixed seeds.</summary>
internal static class BenchmarkData
{
    /// <summary>A 55 × (8 + 11) panel (seeded Gaussian with two shared latent factors).</summary>
    public static (double[,] X, double[,] Y) Panel() => Related(55, 8, 11, 20260101);

    /// <summary>X (n × p) and Y (n × q) sharing two latent factors.</summary>
    public static (double[,] X, double[,] Y) Related(int n, int p, int q, int seed)
    {
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var x = new double[n, p];
        var y = new double[n, q];
        for (int i = 0; i < n; i++)
        {
            double f1 = Normal(), f2 = Normal();
            for (int j = 0; j < p; j++) x[i, j] = Normal() + (j % 2 == 0 ? 0.8 * f1 : 0.5 * f2);
            for (int j = 0; j < q; j++) y[i, j] = Normal() + (j % 2 == 0 ? 0.7 * f2 : 0.6 * f1);
        }
        return (x, y);
    }
}
