using RuralEcom.Indices;

namespace RuralEcom.Tests.Indices;

public class RankCorrelationTests
{
    [Fact]
    public void Spearman_WithTies_MatchesHandComputation()
    {
        // a = 1..5 has ranks 1..5; b = 5, 6, 7, 8, 7 has ranks 1, 2, 3.5, 5, 3.5 (ties averaged).
        // Centred ranks: a -2,-1,0,1,2; b -2,-1,.5,2,.5. Sum ab = 8, sum a^2 = 10, sum b^2 = 9.5: rho = 8 / sqrt(95) = 0.820783.
        Assert.Equal(8 / Math.Sqrt(95), RankCorrelation.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 1e-12);
        Assert.Equal(-1, RankCorrelation.Spearman([1, 2, 3], [30, 20, 10]), 1e-12);
    }

    [Fact]
    public void BadInput_GivesClearErrors()
    {
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, 2], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, double.NaN], [1, 2]));
        Assert.Contains("constant", Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, 1, 1], [1, 2, 3])).Message);
    }
}
