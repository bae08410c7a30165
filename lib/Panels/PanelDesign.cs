using RuralEcom.Data;

namespace RuralEcom.Panels;

/// <summary>
/// The region-year layout of a panel's rows: which region and which year each row belongs to, with the checks a
/// panel analysis needs (no duplicated region-year, every region observed in at least two years).
/// </summary>
public sealed class PanelDesign
{
    /// <summary>Builds the design from one region label and one year per row.</summary>
    /// <param name="regions">Region of each row.</param>
    /// <param name="years">Year of each row.</param>
    /// <exception cref="PanelDesignException">A region-year appears twice or a region has a single year.</exception>
    public PanelDesign(IReadOnlyList<string> regions, IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(years);
        if (regions.Count != years.Count)
            throw new ArgumentException($"{regions.Count} region labels but {years.Count} years were given; give one of each per row.", nameof(years));
        Regions = regions.Distinct(StringComparer.Ordinal).ToArray();
        Years = years.Distinct().Order().ToArray();
        var regionIndex = Regions.Select((r, i) => (r, i)).ToDictionary(t => t.r, t => t.i, StringComparer.Ordinal);
        var yearIndex = Years.Select((y, i) => (y, i)).ToDictionary(t => t.y, t => t.i);
        RegionOf = regions.Select(r => regionIndex[r]).ToArray();
        YearOf = years.Select(y => yearIndex[y]).ToArray();
        var seen = new Dictionary<(int, int), int>();
        for (int i = 0; i < RegionOf.Count; i++)
            if (!seen.TryAdd((RegionOf[i], YearOf[i]), i))
                throw new PanelDesignException($"Region-year ({regions[i]}, {years[i]}) appears twice (rows {seen[(RegionOf[i], YearOf[i])] + 1} and {i + 1}); a panel has one row per region and year. Remove or merge the duplicate.");
        var counts = new int[Regions.Count];
        foreach (var r in RegionOf) counts[r]++;
        for (int r = 0; r < counts.Length; r++)
            if (counts[r] < 2)
                throw new PanelDesignException($"Region '{Regions[r]}' has a single year; within-region variation needs at least two years per region. Drop the region or add its other years.");
        IsBalanced = counts.All(c => c == Years.Count);
    }

    /// <summary>The design of a loaded panel (its region and year columns).</summary>
    /// <param name="panel">The panel.</param>
    public static PanelDesign Of(Panel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return new PanelDesign(panel.Regions, panel.Years);
    }

    /// <summary>Number of rows n.</summary>
    public int Count => RegionOf.Count;

    /// <summary>The distinct regions, in order of first appearance (R of them).</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The distinct years, ascending (T of them).</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Index into <see cref="Regions"/> of each row.</summary>
    public IReadOnlyList<int> RegionOf { get; }

    /// <summary>Index into <see cref="Years"/> of each row.</summary>
    public IReadOnlyList<int> YearOf { get; }

    /// <summary>Whether every region is observed in every year (n = R T).</summary>
    public bool IsBalanced { get; }

    /// <summary>The row of each (region index, year index), −1 where absent.</summary>
    internal int[,] RowTable()
    {
        var table = new int[Regions.Count, Years.Count];
        for (int r = 0; r < Regions.Count; r++)
            for (int t = 0; t < Years.Count; t++) table[r, t] = -1;
        for (int i = 0; i < Count; i++) table[RegionOf[i], YearOf[i]] = i;
        return table;
    }
}

/// <summary>A panel layout that a panel analysis cannot use; the message says what is wrong and how to fix it.</summary>
public sealed class PanelDesignException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public PanelDesignException(string message) : base(message) { }

    /// <summary>Creates the exception with no message (for serializers).</summary>
    public PanelDesignException() { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The cause.</param>
    public PanelDesignException(string message, Exception inner) : base(message, inner) { }
}
