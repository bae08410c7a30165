using RuralEcom.Cca;

namespace RuralEcom.Panels;

/// <summary>How much of one pooled canonical correlation comes from each kind of panel variation.</summary>
/// <param name="Pair">The canonical pair (1-based).</param>
/// <param name="Total">The pooled canonical correlation r_k.</param>
/// <param name="Trend">The part carried by year means (common trends and shocks).</param>
/// <param name="Between">The part carried by region means, after year means.</param>
/// <param name="Within">The part carried by the two-way residuals (within-region co-movement).</param>
public sealed record CorrelationParts(int Pair, double Total, double Trend, double Between, double Within);

/// <summary>
/// Splits each pooled canonical correlation into trend, between-region and within-region parts. With u and v the
/// pooled canonical variates (unit variance), r_k = uᵀv / (n − 1). The year, region-after-year and two-way residual
/// projections H_T = M₁ − M_Y, H_B = M_Y − M_TW, H_W = M_TW (M the residual makers of <see cref="WithinTransform"/>;
/// nested, so the H are orthogonal projections with H_T + H_B + H_W = M₁) give
/// r_k = (H_T u)ᵀ(H_T v)/(n − 1) + (H_B u)ᵀ(H_B v)/(n − 1) + (H_W u)ᵀ(H_W v)/(n − 1) exactly.
/// On a balanced panel H_B is the projection on region means; on an unbalanced one it is region means adjusted for years.
/// </summary>
public static class CorrelationDecomposition
{
    /// <summary>The decomposition of every pooled canonical correlation.</summary>
    /// <param name="x">The X set, n × p, rows in the order of <paramref name="design"/>.</param>
    /// <param name="y">The Y set, n × q.</param>
    /// <param name="design">The region and year of each row.</param>
    public static IReadOnlyList<CorrelationParts> Decompose(double[,] x, double[,] y, PanelDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var pooled = CanonicalCorrelationAnalysis.Fit(x, y);
        var u = pooled.ScoresX!.ToArray();
        var v = pooled.ScoresY!.ToArray();
        var none = WithinTransform.Create(design, WithinTransformation.None);
        var year = WithinTransform.Create(design, WithinTransformation.Year);
        var twoWay = WithinTransform.Create(design, WithinTransformation.TwoWay);
        var (u1, uy, uw) = (none.Apply(u), year.Apply(u), twoWay.Apply(u));
        var (v1, vy, vw) = (none.Apply(v), year.Apply(v), twoWay.Apply(v));
        int n = design.Count;
        var parts = new CorrelationParts[pooled.Count];
        for (int k = 0; k < pooled.Count; k++)
        {
            double trend = 0, between = 0, within = 0;
            for (int i = 0; i < n; i++)
            {
                trend += (u1[i, k] - uy[i, k]) * (v1[i, k] - vy[i, k]);
                between += (uy[i, k] - uw[i, k]) * (vy[i, k] - vw[i, k]);
                within += uw[i, k] * vw[i, k];
            }
            parts[k] = new CorrelationParts(k + 1, pooled.Correlations[k], trend / (n - 1), between / (n - 1), within / (n - 1));
        }
        return parts;
    }

    /// <summary>The decomposition as a table (one row per pair).</summary>
    /// <param name="parts">The result of <see cref="Decompose"/>.</param>
    /// <param name="title">The table's title.</param>
    public static Table ToTable(IReadOnlyList<CorrelationParts> parts, string title = "Where each pooled canonical correlation comes from")
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new Table(title, ["Pair", "Pooled r", "Trend (year means)", "Between regions", "Within regions"],
            parts.Select(c => (IReadOnlyList<object?>)new object?[] { c.Pair, c.Total, c.Trend, c.Between, c.Within }), "F3",
            note: "The three parts add up to the pooled r: r = Σ over parts of (H u)ᵀ(H v)/(n − 1) for the orthogonal projections on year means, region means after years, and two-way residuals.");
    }
}
