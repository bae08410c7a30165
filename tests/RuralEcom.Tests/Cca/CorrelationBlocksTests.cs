using RuralEcom.Cca;

namespace RuralEcom.Tests.Cca;

public class CorrelationBlocksTests
{
    [Fact]
    public void A_hand_computed_example_gives_the_textbook_correlations()
    {
        // x = (1, 2, 3), y1 = (1, 3, 2), y2 = (3, 2, 1). Centred: x = (−1, 0, 1), y1 = (−1, 1, 0), y2 = (1, 0, −1);
        // each has sum of squares 2, so r(x, y1) = 1/2, r(x, y2) = −2/2 = −1, r(y1, y2) = −1/2.
        var b = CorrelationBlocks.FromData(new double[,] { { 1 }, { 2 }, { 3 } }, new double[,] { { 1, 3 }, { 3, 2 }, { 2, 1 } }, ["x"], ["y1", "y2"]);
        Assert.Equal(1.0, b.R11[0, 0], 15);
        Assert.Equal(0.5, b.R12["x", "y1"], 15);
        Assert.Equal(-1.0, b.R12["x", "y2"], 15);
        Assert.Equal(-0.5, b.R22["y1", "y2"], 15);
        Assert.Equal((1, 2, 3), (b.P, b.Q, b.N));
    }

    [Fact]
    public void The_blocks_partition_the_matrix_the_analysis_uses()
    {
        var (x, y) = TestData.Related(40, 3, 4, 5);
        var blocks = CorrelationBlocks.FromData(x, y);
        var cca = CanonicalCorrelationAnalysis.Fit(x, y);
        var fromCca = CorrelationBlocks.Of(cca);
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 7; j++)
            {
                // MathNet's Pearson matrix and the engine's z-score cross products agree to rounding.
                Assert.Equal(cca.CorrelationMatrix[i, j], blocks.R[i, j], 13);
                Assert.Equal(cca.CorrelationMatrix[i, j], fromCca.R[i, j], 15);
            }
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(blocks.R[i, 3 + j], blocks.R12[i, j], 15);
                Assert.Equal(blocks.R12[i, j], blocks.R21[j, i], 15);
            }
        Assert.Equal(blocks.R[5, 6], blocks.R22[2, 3], 15);
        Assert.Equal(["X1", "X2", "X3"], blocks.R11.RowNames);
        Assert.Equal(["Y1", "Y2", "Y3", "Y4"], blocks.R21.RowNames);
        var tables = blocks.ToTables();
        Assert.Equal(4, tables.Count);
        Assert.Equal(4, tables[1].Columns.Count - 1);
    }

    [Fact]
    public void A_constant_column_is_named()
    {
        var (x, y) = TestData.Related(20, 2, 2, 9);
        for (int i = 0; i < 20; i++) y[i, 1] = 4;
        var e = Assert.Throws<CcaDataException>(() => CorrelationBlocks.FromData(x, y, ["a", "b"], ["c", "d"]));
        Assert.Contains("d is constant", e.Message);
    }
}
