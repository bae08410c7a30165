using Microsoft.Data.Analysis;
using RuralEcom.Cca;
using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

/// <summary>Panel ↔ DataFrame round trip, fits from a DataFrame, and the errors a DataFrame user sees.</summary>
public class PanelDataFrameTests
{
    [Fact]
    public void A_panel_survives_the_round_trip_through_a_data_frame()
    {
        var panel = SyntheticPanel.Generate();
        var back = Panel.FromDataFrame(panel.ToDataFrame());
        Assert.Equal(panel.Regions, back.Regions);
        Assert.Equal(panel.Years, back.Years);
        Assert.Equal(panel.Symbols, back.Symbols);
        Assert.Equal(panel.Matrix(panel.Symbols), back.Matrix(back.Symbols));
    }

    [Fact]
    public void A_fit_from_a_data_frame_equals_the_fit_from_the_panel_after_the_same_filter()
    {
        var panel = SyntheticPanel.Generate();
        string[] xs = ["X1", "X2", "X3"];
        string[] ys = ["Y1", "Y2", "Y3", "Y4"];
        // Rows from 2016 on, selected with DataFrame operations, against the panel's own filter.
        var frame = panel.ToDataFrame();
        var recent = frame.Filter(frame["year"].ElementwiseGreaterThanOrEqual(2016));
        var fromFrame = CanonicalCorrelationAnalysis.Fit(recent, xs, ys);
        var fromPanel = CanonicalCorrelationAnalysis.Fit(panel.Where((_, year) => year >= 2016), xs, ys);
        Assert.Equal(fromPanel.N, fromFrame.N);
        Assert.Equal(fromPanel.Correlations, fromFrame.Correlations);
    }

    [Fact]
    public void Missing_columns_and_values_are_named_with_their_row()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("region", ["A", "B", "C"]),
            new PrimitiveDataFrameColumn<int>("year", [2014, 2014, 2014]),
            new DoubleDataFrameColumn("X1", [1.0, null, 3.0]));
        var missing = Assert.Throws<PanelFormatException>(() => Panel.FromDataFrame(frame));
        Assert.Equal(2, missing.Line);
        Assert.Equal("X1", missing.Column);
        var absent = Assert.Throws<PanelFormatException>(() => Panel.FrameMatrix(frame, ["X9"]));
        Assert.Equal("X9", absent.Column);
        Assert.Contains("region, year, X1", absent.Message);
    }
}
