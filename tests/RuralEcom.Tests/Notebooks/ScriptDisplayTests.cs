using RuralEcom.NotebookText;

namespace RuralEcom.Tests.Notebooks;

/// <summary>The text display that the file-based apps use in place of the notebook's HTML tables.</summary>
public sealed class ScriptDisplayTests
{
    [Fact]
    public void A_table_is_aligned_markdown_with_numbers_right_aligned_and_wide_characters_counted_twice()
    {
        var table = new Table("Title", ["Region", "r"], [["安徽", 0.5], ["A|B", -12.25], ["Shanghai", null]],
            numberFormat: "F2", note: "A note.");

        var text = ScriptDisplay.TableText(table);

        Assert.Equal(
            "Title\n\n" +
            "| Region   |      r |\n" +
            "| -------- | -----: |\n" +
            "| 安徽     |   0.50 |\n" +
            "| A\\|B     | -12.25 |\n" +
            "| Shanghai |        |\n" +
            "\nA note.\n", text);
    }

    [Fact]
    public void Numbers_and_sequences_render_in_the_invariant_culture_one_item_per_line()
    {
        Assert.Equal("0.25", ScriptDisplay.Render(0.25));
        Assert.Equal("1\n2.5\n(null)", ScriptDisplay.Render(new object?[] { 1, 2.5, null }));
        Assert.Equal("text", ScriptDisplay.Render("text"));
    }
}
