using RuralEcom.NotebookTools;

namespace RuralEcom.Tests.Notebooks;

/// <summary>
/// Runs every notebooks/*.ipynb headlessly with dotnet-repl (the same runner as ./run-notebooks.sh) into a temporary
/// folder and fails on any error output, naming the notebook, the cell and the message.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebookRunTests(NotebookFixture fixture)
{
    /// <summary>One case per notebook file, so a new notebook is tested without touching this class.</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        var folder = RepoPaths.Combine("notebooks");
        foreach (var path in NotebookRunner.DefaultNotebooks(RepoPaths.Root))
            data.Add(Path.GetRelativePath(folder, path).Replace('\\', '/')); // e.g. "04-canonical-correlation.ipynb", "solutions/solutions.ipynb"
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_without_errors(string notebook)
    {
        var (result, log) = await fixture.RunAsync(RepoPaths.Combine("notebooks", notebook));

        Assert.True(result.Succeeded, log);
        var saved = File.ReadAllText(Path.Combine(fixture.OutDirectory, Path.GetFileName(notebook)));
        Assert.Equal(result.NormalizedNotebook, saved);
        Assert.DoesNotContain("dotnet_repl_", saved);
    }

    [Fact]
    public async Task Failing_fixture_is_reported_with_notebook_cell_and_message()
    {
        var fixturePath = RepoPaths.Combine("tests", "fixtures", "failing-cell.ipynb");
        var before = File.ReadAllText(fixturePath);

        var (result, log) = await fixture.RunAsync(fixturePath);

        Assert.False(result.Succeeded);
        Assert.Null(result.RunFailure);
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.CellNumber); // the fixture's 4th cell (markdown cells count, as in VS Code) throws
        Assert.Contains("This cell fails on purpose (runner fixture).", error.Message);
        Assert.Contains("== tests/fixtures/failing-cell.ipynb ... FAILED", log);
        Assert.Contains("tests/fixtures/failing-cell.ipynb, cell 4: System.InvalidOperationException: This cell fails on purpose", log);
        Assert.Equal(before, File.ReadAllText(fixturePath)); // with an output folder the source is never touched
        // Cells after the failing one still ran: dotnet-repl continues, so their outputs are there.
        Assert.Contains("42", File.ReadAllText(Path.Combine(fixture.OutDirectory, "failing-cell.ipynb")));
    }
}
