using RuralEcom.Data;

namespace RuralEcom.Benchmarks;

/// <summary>Inputs of the benchmarks: the bundled synthetic panel, and seeded generated data.</summary>
internal static class BenchmarkData
{
    /// <summary>The bundled synthetic paper-shaped panel (55 samples): X1..X8 and Y1..Y11.</summary>
    public static (double[,] X, double[,] Y) Panel()
    {
        var panel = SyntheticPanel.LoadBundled();
        return (panel.Matrix(Names("X", 8)), panel.Matrix(Names("Y", 11)));
    }

    /// <summary>Symbols prefix1..prefixN.</summary>
    public static string[] Names(string prefix, int count) => Enumerable.Range(1, count).Select(i => $"{prefix}{i}").ToArray();

    /// <summary>X (n × p) and Y (n × q) of standard normal noise plus two shared latent factors (seeded).</summary>
    public static (double[,] X, double[,] Y) Related(int n, int p, int q, int seed)
    {
        var x = new double[n, p];
        var y = new double[n, q];
        int chunks = (n + 65535) / 65536;
        // Generated in parallel chunks with their own seeds (setup only; not timed).
        Parallel.For(0, chunks, c =>
        {
            var rng = new Random(seed + c);
            double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            for (int i = c * 65536; i < Math.Min(n, (c + 1) * 65536); i++)
            {
                double f1 = Normal(), f2 = Normal();
                for (int j = 0; j < p; j++) x[i, j] = 10 + Normal() + (j % 2 == 0 ? 0.8 * f1 : 0.5 * f2);
                for (int j = 0; j < q; j++) y[i, j] = -5 + Normal() + (j % 2 == 0 ? 0.7 * f2 : 0.6 * f1);
            }
        });
        return (x, y);
    }
}
