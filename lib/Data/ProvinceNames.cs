namespace RuralEcom.Data;

/// <summary>A mainland province-level division with its names (from data/regions.csv).</summary>
/// <param name="Code">GB/T 2260 two-digit division code (11 = Beijing ... 65 = Xinjiang).</param>
/// <param name="ChineseName">Full Chinese name as NBS exports print it (e.g. 安徽省).</param>
/// <param name="ChineseShort">Short Chinese name (e.g. 安徽).</param>
/// <param name="English">Conventional English name (e.g. Inner Mongolia, Tibet).</param>
/// <param name="Pinyin">Pinyin of the short name (e.g. Nei Menggu, Xizang).</param>
/// <param name="Iso3166">ISO 3166-2 code (e.g. CN-AH).</param>
public sealed record Province(int Code, string ChineseName, string ChineseShort, string English, string Pinyin, string Iso3166);

/// <summary>
/// The 31 mainland provinces, autonomous regions and municipalities, so that data keyed by Chinese names can be
/// labelled in plots without CJK fonts. Reads the copy of data/regions.csv compiled into the library.
/// </summary>
public static class ProvinceNames
{
    private static readonly Lazy<IReadOnlyList<Province>> Provinces = new(LoadBundled);
    private static readonly Lazy<Dictionary<string, Province>> ByName = new(() =>
    {
        var d = new Dictionary<string, Province>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in Provinces.Value)
            foreach (var n in new[] { p.ChineseName, p.ChineseShort, p.English, p.Pinyin, p.Iso3166 }) d.TryAdd(n, p);
        return d;
    });

    /// <summary>All 31 provinces in code order.</summary>
    public static IReadOnlyList<Province> All => Provinces.Value;

    /// <summary>The province with this name (full or short Chinese, English, pinyin or ISO code; case-insensitive).</summary>
    /// <param name="name">Any of the province's names.</param>
    /// <param name="province">The province, or null.</param>
    public static bool TryFind(string name, out Province? province)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.Value.TryGetValue(name.Trim().TrimStart('\uFEFF'), out province);
    }

    /// <summary>The province with this name.</summary>
    /// <param name="name">Any of the province's names.</param>
    /// <exception cref="KeyNotFoundException">The name is unknown; the message lists the English names.</exception>
    public static Province Find(string name) =>
        TryFind(name, out var p) ? p! : throw new KeyNotFoundException(
            $"'{name}' is not a mainland province name. Known: {string.Join(", ", All.Select(x => x.English))} (or their Chinese, pinyin or ISO names).");

    /// <summary>The English name of a province, or <paramref name="name"/> unchanged when it is not a province (e.g. synthetic regions).</summary>
    /// <param name="name">Any name.</param>
    public static string ToEnglish(string name) => TryFind(name, out var p) ? p!.English : name;

    private static IReadOnlyList<Province> LoadBundled()
    {
        using var reader = BundledFile.OpenText("regions.csv");
        return CsvRecords.Read(reader).Skip(1)
            .Select(r => new Province(int.Parse(r.Fields[0], System.Globalization.CultureInfo.InvariantCulture), r.Fields[1], r.Fields[2], r.Fields[3], r.Fields[4], r.Fields[5]))
            .ToArray();
    }
}
