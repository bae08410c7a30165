using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>Shared steps of every figure in this folder: labelling and rendering a ScottPlot plot to a <see cref="Figure"/>.</summary>
internal static class FigureRendering
{
    /// <summary>Colour of significant or X-set elements.</summary>
    internal static readonly Color XColor = new(31, 119, 180);

    /// <summary>Colour of Y-set elements.</summary>
    internal static readonly Color YColor = new(255, 127, 14);

    /// <summary>Colour of non-significant elements.</summary>
    internal static readonly Color Muted = new(190, 190, 190);

    /// <summary>Sets the title and the two axis labels.</summary>
    internal static void Label(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
    }

    /// <summary>Adds a filled-box legend entry (for bars, whose colours vary bar by bar).</summary>
    internal static void AddFillLegend(Plot plot, string label, Color color) =>
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });

    /// <summary>Renders <paramref name="plot"/> to a PNG of the given size and wraps it in a <see cref="Figure"/>.</summary>
    internal static Figure Render(Plot plot, string title, int width, int height, Func<string>? interactiveHtml = null)
    {
        CheckSize(width, height);
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        return new Figure(title, width, height, png, interactiveHtml);
    }

    /// <summary>Guards figure sizes: ScottPlot needs room for the axes and labels.</summary>
    internal static void CheckSize(int width, int height)
    {
        if (width < 200 || width > 8000) throw new ArgumentOutOfRangeException(nameof(width), width, "Figure width must be 200 to 8000 pixels.");
        if (height < 150 || height > 8000) throw new ArgumentOutOfRangeException(nameof(height), height, "Figure height must be 150 to 8000 pixels.");
    }

    /// <summary>
    /// Wraps <paramref name="text"/> at spaces into lines of at most <paramref name="width"/> characters (a longer single
    /// word keeps its own line), joined by '\n', so tick labels show the whole name instead of cutting it.
    /// </summary>
    internal static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line.ToString()); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Text for a PNG figure without CJK fonts: every space-separated word that is a province name (Chinese full or
    /// short name, via data/regions.csv) becomes the English name, e.g. "上海 2014" → "Shanghai 2014". Other Chinese
    /// text is left as is and needs a CJK font (environment.md, fonts).
    /// </summary>
    internal static string Transliterate(string text) =>
        text.Any(c => c > 0x2E80) ? string.Join(' ', text.Split(' ').Select(Data.ProvinceNames.ToEnglish)) : text;

    /// <summary>Checks a 1-based pair number against the number of canonical pairs.</summary>
    internal static void CheckPair(int pair, int count)
    {
        if (pair < 1 || pair > count)
            throw new ArgumentOutOfRangeException(nameof(pair), pair, $"pair must be 1 to {count} (the number of canonical pairs).");
    }
}
