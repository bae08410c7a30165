
namespace RuralEcom.Tests;

public class TableTests
{
    private static Table Sample() => new("Demo | table", ["name", "value"],
        [["a,b", 1.23456], ["x\"y", null], ["n", 3]], numberFormat: "F2", note: "a note");

    [Fact]
    public void Csv_quotes_commas_and_quotes_and_formats_numbers_invariantly()
    {
        Assert.Equal("name,value\n\"a,b\",1.23\n\"x\"\"y\",\nn,3\n", Sample().ToCsv());
    }

    [Fact]
    public void Markdown_escapes_pipes_and_right_aligns_numeric_columns()
    {
        var md = Sample().ToMarkdown();
        Assert.StartsWith("**Demo \\| table**\n\n| name | value |\n| --- | ---: |\n| a,b | 1.23 |", md);
        Assert.EndsWith("\na note\n", md);
    }

    [Fact]
    public void Html_encodes_text_and_keeps_the_title_as_caption()
    {
        var html = Sample().ToHtml();
        Assert.Contains("<caption", html);
        Assert.Contains("x&quot;y", html);
        Assert.Equal(3, html.Split("<tr>").Length - 2);
    }

    [Fact]
    public void Latex_escapes_special_characters()
    {
        var t = new Table("5% & more", ["a_b"], [[1.0]]);
        var tex = t.ToLatex();
        Assert.Contains("\\caption{5\\% \\& more}", tex);
        Assert.Contains("a\\_b \\\\", tex);
    }

    [Fact]
    public void Ragged_rows_are_rejected_with_the_row_number()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Table("t", ["a", "b"], [["x", 1.0], ["y"]]));
        Assert.Contains("Row 1", ex.Message);
    }
}
