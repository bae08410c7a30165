namespace RuralEcom.Data;

/// <summary>Opens the data files compiled into RuralEcom.dll (see the EmbeddedResource items of RuralEcom.Lib.csproj).</summary>
internal static class BundledFile
{
    /// <summary>A UTF-8 reader over the bundled file <paramref name="fileName"/> (e.g. "indicators.csv").</summary>
    internal static StreamReader OpenText(string fileName)
    {
        var stream = typeof(BundledFile).Assembly.GetManifestResourceStream("RuralEcom.Data." + fileName)
            ?? throw new InvalidOperationException($"The bundled {fileName} is missing from RuralEcom.dll; rebuild the library.");
        return new StreamReader(stream, System.Text.Encoding.UTF8);
    }
}
