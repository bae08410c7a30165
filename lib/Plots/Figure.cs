namespace RuralEcom.Plots;

/// <summary>
/// A rendered static figure: a PNG image with its title and pixel size, and optionally an interactive
/// HTML version (XPlot.Plotly) for viewers that load plotly.js.
/// </summary>
/// <param name="Title">The figure's title, also used to name its file in reports.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="InteractiveHtml">An optional interactive HTML version of the same chart.</param>
public sealed record Figure(string Title, int Width, int Height, byte[] Png, string? InteractiveHtml = null)
{
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
