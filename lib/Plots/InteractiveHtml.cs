using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace RuralEcom.Plots;

/// <summary>
/// Self-contained interactive HTML pages of figures, drawn in the browser by plotly.js 3.7.0 (the "basic" bundle:
/// scatter and bar traces; MIT licence). The library carries that file (from the Plotly.Blazor 7.2.0 NuGet package,
/// which ships it; XPlot.Plotly ships none and points pages at a CDN), and a report writes it beside the pages as
/// <see cref="PlotlyFileName"/>, so they work offline.
/// </summary>
/// <remarks>
/// Safety: the chart data go into the page's script as JSON written by System.Text.Json, whose default encoder writes
/// &lt;, &gt;, &amp;, quotes and every non-ASCII character as \uXXXX escapes, so no text can close the script
/// element. User text shown by plotly (labels, names, titles) is also HTML-encoded first (<see cref="Text"/>), because
/// plotly renders a subset of HTML tags in its strings; the entities display as the characters the user typed.
/// </remarks>
public static class InteractiveHtml
{
    /// <summary>The file name the pages load plotly.js from (relative: beside the page).</summary>
    public const string PlotlyFileName = "plotly.min.js";

    /// <summary>The version of the plotly.js bundle carried by the library.</summary>
    public const string PlotlyVersion = "3.7.0 (basic bundle)";

    /// <summary>The bytes of plotly.js (minified basic bundle) carried in the library.</summary>
    public static byte[] PlotlyJs()
    {
        using var stream = typeof(InteractiveHtml).Assembly.GetManifestResourceStream("RuralEcom.Plots.plotly-basic.min.js")
            ?? throw new InvalidOperationException("plotly.js is missing from RuralEcom.dll; rebuild the library.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>User text as plotly should show it: HTML-encoded, so tags are displayed, not interpreted.</summary>
    /// <param name="text">Any text (a region name, an indicator name).</param>
    public static string Text(string text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// A complete HTML page with one plotly chart: <c>Plotly.newPlot(id, traces, layout)</c>, plotly.js loaded from
    /// <see cref="PlotlyFileName"/> beside the page.
    /// </summary>
    /// <param name="id">The element id (letters, digits and '-').</param>
    /// <param name="title">The page title (plain text; encoded here).</param>
    /// <param name="traces">The plotly traces (anonymous objects or dictionaries; user text already passed through <see cref="Text"/>).</param>
    /// <param name="layout">The plotly layout.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static string Page(string id, string title, IEnumerable<object> traces, object layout, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new ArgumentException($"The element id '{id}' must be letters, digits and '-'.", nameof(id));
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
          .Append("<script src=\"").Append(PlotlyFileName).Append("\"></script>\n</head>\n<body>\n")
          .Append("<div id=\"").Append(id).Append("\" style=\"width:").Append(width.ToString(inv)).Append("px;height:").Append(height.ToString(inv)).Append("px;\"></div>\n")
          .Append("<script>\nPlotly.newPlot(").Append(JsonSerializer.Serialize(id)).Append(", ")
          .Append(JsonSerializer.Serialize(traces.ToArray())).Append(", ").Append(JsonSerializer.Serialize(layout)).Append(");\n</script>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
