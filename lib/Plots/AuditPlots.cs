using System.Globalization;
using RuralEcom.Audit;
using ScottPlot;

namespace RuralEcom.Plots;

/// <summary>One printed figure of an audit with its recomputed value, for plotting.</summary>
/// <param name="Item">The finding's section and item, e.g. "Table 4: row 8, Wilks".</param>
/// <param name="Printed">The printed value.</param>
/// <param name="Recomputed">The value recomputed from the printed correlations and design.</param>
/// <param name="Verdict">The audit's verdict.</param>
public sealed record AuditPoint(string Item, double Printed, double Recomputed, AuditVerdict Verdict);

/// <summary>Figures of a published table's audit.</summary>
public static class AuditPlots
{
    /// <summary>
    /// The findings that have a single printed number and a single recomputed number, both within [0, 1] (Wilks'
    /// lambdas, p-values, proportions, standard errors): the figures <see cref="PrintedVsRecomputed"/> draws. Printed bounds
    /// such as "&lt;0.0001" and df pairs such as "4 and 43" are left out.
    /// </summary>
    /// <param name="audit">The audit.</param>
    public static IReadOnlyList<AuditPoint> Points(AuditReport audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        static double? Number(string s) =>
            !s.StartsWith('<') && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && v <= 1 ? v : null;
        return audit.Findings
            .Where(f => f.Verdict is AuditVerdict.Consistent or AuditVerdict.Inconsistent)
            .Select(f => (f, printed: Number(f.Reported), recomputed: Number(f.Recomputed)))
            .Where(t => t.printed is not null && t.recomputed is not null)
            .Select(t => new AuditPoint($"{t.f.Section}: {t.f.Item}", t.printed!.Value, t.recomputed!.Value, t.f.Verdict))
            .ToArray();
    }

    /// <summary>
    /// Printed against recomputed values (<see cref="Points"/>) with the line printed = recomputed: consistent figures lie
    /// on it, inconsistent ones (red) off it by more than rounding.
    /// </summary>
    /// <param name="audit">The audit.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentException">The audit has no figure with a printed and a recomputed value in [0, 1].</exception>
    public static Figure PrintedVsRecomputed(AuditReport audit, int width = 720, int height = 620)
    {
        var points = Points(audit);
        if (points.Count == 0)
            throw new ArgumentException("The audit has no figure with both a printed and a recomputed value in [0, 1] to plot.", nameof(audit));
        var plot = new Plot();
        var line = plot.Add.Line(0, 0, 1, 1);
        line.Color = Colors.Gray;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = "printed = recomputed";
        foreach (var (verdict, color, label) in new[]
        {
            (AuditVerdict.Consistent, Colors.SteelBlue, "consistent"),
            (AuditVerdict.Inconsistent, Colors.Crimson, "inconsistent"),
        })
        {
            var group = points.Where(p => p.Verdict == verdict).ToArray();
            if (group.Length == 0) continue;
            var dots = plot.Add.Scatter(group.Select(p => p.Recomputed).ToArray(), group.Select(p => p.Printed).ToArray());
            dots.LineWidth = 0;
            dots.MarkerSize = 9;
            dots.Color = color;
            dots.LegendText = $"{label} ({group.Length})";
        }
        string title = $"Printed vs recomputed: {audit.Table.Source.Split('.')[0]}";
        plot.Title(title.Length > 70 ? title[..70] + "…" : title);
        plot.XLabel("Recomputed from the printed correlations and design");
        plot.YLabel("Printed");
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Edge.Bottom);
        return new Figure(title, width, height, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
