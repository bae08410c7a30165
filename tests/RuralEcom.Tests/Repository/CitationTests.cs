using System.Text.RegularExpressions;

namespace RuralEcom.Tests.Repository;

/// <summary>
/// CITATION.cff holds what the Citation File Format 1.2.0 requires, and README.md's "How to cite" section says the
/// same: the software's title, version and licence, and the paper's authors and title.
/// </summary>
public sealed partial class CitationTests
{
    private static readonly string Cff = File.ReadAllText(RepoPaths.Combine("CITATION.cff"));

    private static string CiteSection()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md"));
        var start = readme.IndexOf("## How to cite", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## How to cite' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return Regex.Replace(readme[start..(end < 0 ? readme.Length : end)], @"\s+", " ");
    }

    /// <summary>A top-level scalar, quoted or not.</summary>
    private static string Scalar(string key)
    {
        var m = Regex.Match(Cff, $"^{Regex.Escape(key)}: \"?(.*?)\"?$", RegexOptions.Multiline);
        Assert.True(m.Success, $"CITATION.cff has no top-level '{key}'");
        return m.Groups[1].Value;
    }

    [Fact]
    public void Citation_file_has_the_keys_cff_1_2_0_requires()
    {
        Assert.Equal("1.2.0", Scalar("cff-version"));
        Assert.Equal("software", Scalar("type"));
        Assert.Equal("MIT", Scalar("license"));
        foreach (var key in new[] { "message", "title", "authors", "references" })
            Assert.Matches($"(?m)^{key}:", Cff);
        Assert.DoesNotContain("\t", Cff);   // YAML forbids tabs for indentation
    }

    [Fact]
    public void Readme_cites_the_same_software_and_paper_as_the_citation_file()
    {
        var section = CiteSection();

        Assert.Contains(Scalar("title"), section);
        Assert.Contains("version " + Scalar("version"), section);
        Assert.Contains(Scalar("license") + " licence", section);
        Assert.Contains("CITATION.cff", section);

        var families = FamilyName().Matches(Cff).Select(m => m.Groups[1].Value).ToList();
        var givens = GivenName().Matches(Cff).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Qiu", "Liu", "Zhou", "Wang"], families);
        var authors = string.Join(", ", families.Zip(givens, (f, g) => $"{f} {g[0]}."));
        Assert.Contains(authors, section);   // "Qiu W., Liu K., Zhou T., Wang L."

        var title = PaperTitle().Match(Cff);
        Assert.True(title.Success, "CITATION.cff's reference has no folded title");
        var words = Regex.Replace(title.Groups[1].Value, @"\s+", " ").Trim();
        Assert.Contains(words, section.Replace("*", "", StringComparison.Ordinal));
        Assert.Contains("gives no journal, volume, year or DOI", section);
        Assert.Contains("gives no journal, volume, year or DOI", Regex.Replace(Cff, @"\s+", " "));
    }

    [GeneratedRegex(@"^\s+- family-names: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex FamilyName();

    [GeneratedRegex(@"^\s+given-names: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex GivenName();

    [GeneratedRegex(@"^  - type: article\n    title: >-\n((?:      .*\n)+)", RegexOptions.Multiline)]
    private static partial Regex PaperTitle();
}
