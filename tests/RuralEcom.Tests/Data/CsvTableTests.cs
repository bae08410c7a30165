using RuralEcom.Data;

namespace RuralEcom.Tests.Data;

public class CsvTableTests
{
    private const string Text = "id,name,a,b\n1,\"Smith, J.\",1.5,-2\n2,Lee,3e2,0.25\n\n3,Wu, 4 ,7\n";

    [Fact]
    public void Reads_named_numeric_columns_beside_text_columns()
    {
        var t = CsvTable.Parse(new StringReader(Text), "mem.csv");
        Assert.Equal(["id", "name", "a", "b"], t.Columns);
        Assert.Equal(3, t.RowCount);
        Assert.Equal(new double[,] { { -2, 1.5 }, { 0.25, 300 }, { 7, 4 } }, t.Matrix(["b", "a"]));
        Assert.Equal([1.0, 2, 3], t.Column("id"));
        Assert.Equal(["Smith, J.", "Lee", "Wu"], t.Text("name"));
    }

    [Fact]
    public void The_bundled_reference_files_load_with_their_published_values()
    {
        // data/reference/linnerud.csv holds the SAS fitness data typed independently in tests/Cca/Fitness.cs.
        var t = CsvTable.Load(RepoPaths.Combine("data", "reference", "linnerud.csv"));
        Assert.Equal(Cca.Fitness.X, t.Matrix(Cca.Fitness.XNames));
        Assert.Equal(Cca.Fitness.Y, t.Matrix(Cca.Fitness.YNames));
        var lcs = CsvTable.Load(RepoPaths.Combine("data", "reference", "life-cycle-savings.csv"));
        Assert.Equal(50, lcs.RowCount);
        Assert.Equal("Australia", lcs.Text("country")[0]);
        Assert.Equal(11.43, lcs.Column("sr")[0]);   // R: LifeCycleSavings["Australia", "sr"]
    }

    [Fact]
    public void An_unknown_column_lists_the_columns_and_suggests_a_case_fix()
    {
        var t = CsvTable.Parse(new StringReader(Text), "mem.csv");
        var e = Assert.Throws<PanelFormatException>(() => t.Matrix(["a", "c"]));
        Assert.Contains("no column 'c'", e.Message);
        Assert.Contains("id, name, a, b", e.Message);
        Assert.Contains("did you mean a?", Assert.Throws<PanelFormatException>(() => t.Matrix(["A"])).Message);
    }

    [Fact]
    public void Empty_and_non_numeric_cells_are_located()
    {
        var t = CsvTable.Parse(new StringReader("x,y\n1,2\n,3\n4,\n"), "mem.csv");
        var e = Assert.Throws<PanelFormatException>(() => t.Matrix(["x", "y"]));
        Assert.Equal(2, e.Positions.Count);
        Assert.Contains("line 3 column x; line 4 column y", e.Message);
        var bad = CsvTable.Parse(new StringReader("x\n1\n12%\n"), "mem.csv");
        var e2 = Assert.Throws<PanelFormatException>(() => bad.Column("x"));
        Assert.Equal((3, "x"), (e2.Line, e2.Column));
        Assert.Contains("percent", e2.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a,b\n", "no data rows")]
    [InlineData("a,,b\n1,2,3\n", "Header field 2 is empty")]
    [InlineData("a,b,a\n1,2,3\n", "appears twice")]
    [InlineData("a,b\n1,2\n3\n", "has 1 fields but the header has 2")]
    public void Malformed_files_are_refused_with_the_reason(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<PanelFormatException>(() => CsvTable.Parse(new StringReader(text), "mem.csv")).Message);

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<PanelFormatException>(() => CsvTable.Load("no/such/file.csv"));
        Assert.Contains("no/such/file.csv", e.Message);
        Assert.Contains("does not exist", e.Message);
    }
}
