namespace RuralEcom.Cca;

/// <summary>
/// Stewart–Love redundancy analysis of standardized variance: how much of each set's variance its own canonical
/// variates, and the opposite set's variates, explain (Stewart &amp; Love 1968, "A general canonical correlation
/// index", Psychological Bulletin 70:160-163; SAS PROC CANCORR "Canonical Redundancy Analysis, Standardized Variance").
/// </summary>
/// <remarks>
/// For variate k: own proportion for X = (1/p) Σ_j s_jk², with s_jk the structure coefficient of X_j on V_k;
/// opposite proportion = r_k² × own proportion (the variance of X explained by W_k). The same for Y with q.
/// The cumulative columns add these over k = 1..K.
/// </remarks>
public sealed class RedundancyAnalysis
{
    internal RedundancyAnalysis(double[] ownX, double[] oppositeX, double[] ownY, double[] oppositeY)
    {
        OwnX = ReadOnly.Own(ownX);
        OppositeX = ReadOnly.Own(oppositeX);
        OwnY = ReadOnly.Own(ownY);
        OppositeY = ReadOnly.Own(oppositeY);
    }

    /// <summary>Proportion of X's standardized variance explained by its own variate V_k.</summary>
    public IReadOnlyList<double> OwnX { get; }

    /// <summary>Proportion of X's standardized variance explained by the opposite variate W_k (the redundancy of X given Y).</summary>
    public IReadOnlyList<double> OppositeX { get; }

    /// <summary>Proportion of Y's standardized variance explained by its own variate W_k.</summary>
    public IReadOnlyList<double> OwnY { get; }

    /// <summary>Proportion of Y's standardized variance explained by the opposite variate V_k (the redundancy of Y given X).</summary>
    public IReadOnlyList<double> OppositeY { get; }

    /// <summary>Running totals of a proportion list over k = 1..K.</summary>
    /// <param name="proportions">One of <see cref="OwnX"/>, <see cref="OppositeX"/>, <see cref="OwnY"/>, <see cref="OppositeY"/>.</param>
    public static IReadOnlyList<double> Cumulative(IReadOnlyList<double> proportions)
    {
        ArgumentNullException.ThrowIfNull(proportions);
        var c = new double[proportions.Count];
        double s = 0;
        for (int i = 0; i < c.Length; i++) c[i] = s += proportions[i];
        return ReadOnly.Own(c);
    }

    /// <summary>The redundancy table for one set, laid out as SAS prints it (own and opposite, proportion and cumulative).</summary>
    /// <param name="set">"X" or "Y".</param>
    public Table ToTable(string set)
    {
        var (own, opp, ownName, oppName) = set switch
        {
            "X" => (OwnX, OppositeX, "V", "W"),
            "Y" => (OwnY, OppositeY, "W", "V"),
            _ => throw new ArgumentException("set must be \"X\" or \"Y\".", nameof(set)),
        };
        var cOwn = Cumulative(own);
        var cOpp = Cumulative(opp);
        var rows = Enumerable.Range(0, own.Count).Select(k => (IReadOnlyList<object?>)new object?[] { k + 1, own[k], cOwn[k], opp[k], cOpp[k] });
        return new Table($"Standardized variance of {set} explained by its own ({ownName}) and the opposite ({oppName}) canonical variates",
            ["Pair", "Own: proportion", "Own: cumulative", "Opposite: proportion", "Opposite: cumulative"], rows);
    }
}
