using System.Text;

namespace RuralEcom;

/// <summary>
/// The one Markdown escaping rule of the library: user-provided text (file names, region and indicator names, labels
/// and quotes from an audited file) in every Markdown output — tables (<see cref="Table.ToMarkdown"/>), reports and
/// audit reports.
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// Plain text as inline Markdown (inside a line, e.g. after "- " or in a table cell) that shows exactly that text:
    /// the punctuation that can start inline markup (\ ` * _ [ ] | ~ &lt; &amp; !) or, at the start of a line, a heading
    /// or block quote (# &gt;) is backslash-escaped, so no HTML tag, entity, link, image, heading, quote or table cell
    /// can be injected (CommonMark spec 0.31, §2.4: any ASCII punctuation may be backslash-escaped; §6.6 raw HTML;
    /// GitHub tables for |). Line breaks become spaces, so the text stays on its line.
    /// </summary>
    /// <param name="text">Any text.</param>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r': break;
                case '\n': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '<' or '>' or '&' or '#' or '!':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
