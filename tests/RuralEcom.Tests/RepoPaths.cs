namespace RuralEcom.Tests;

/// <summary>Locates the repository's folders from the test binaries, so tests can read data/ and notebooks/.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the nearest ancestor folder holding RuralEcom.Lib.csproj.</summary>
    public static string Root { get; } = RuralEcom.NotebookTools.NotebookRunner.FindRepoRoot(AppContext.BaseDirectory);

    /// <summary>An absolute path inside the repository, from its parts relative to the root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
