namespace RuralEcom.Plots;

/// <summary>
/// A rendered static figure: a PNG image with its title and pixel size, and optionally an interactive HTML version
/// (<see cref="Plots.InteractiveHtml"/>) that is built only when asked for (<see cref="InteractiveHtml"/>), e.g. by a report.
/// </summary>
/// <param name="Title">The figure's title, also used to name its file in reports.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Png">The PNG file's bytes.</param>
public sealed record Figure(string Title, int Width, int Height, byte[] Png)
{
    private readonly Lazy<string>? _interactive;

    /// <summary>A figure with an interactive HTML version, built on first use of <see cref="InteractiveHtml"/>.</summary>
    /// <param name="title">The figure's title.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="png">The PNG file's bytes.</param>
    /// <param name="interactiveHtml">Builds the HTML page; null when the figure has none.</param>
    public Figure(string title, int width, int height, byte[] png, Func<string>? interactiveHtml)
        : this(title, width, height, png)
    {
        _interactive = interactiveHtml is null ? null : new Lazy<string>(interactiveHtml);
    }

    /// <summary>Whether the figure has an interactive HTML version (without building it).</summary>
    public bool HasInteractiveHtml => _interactive is not null;

    /// <summary>
    /// The interactive HTML page (built now if not yet), which loads plotly.js from plotly.min.js beside it
    /// (<see cref="Reports.ReportWriter"/> writes that file); null when the figure has none.
    /// </summary>
    public string? InteractiveHtml => _interactive?.Value;

    /// <summary>The PNG bytes as base64 text, the form notebooks store an <c>image/png</c> output in.</summary>
    public string ToBase64() => Convert.ToBase64String(Png);

    /// <summary>Writes the PNG to <paramref name="path"/>, creating its folder if needed.</summary>
    /// <param name="path">Target file path, normally ending in .png.</param>
    public void SavePng(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, Png);
    }
}
