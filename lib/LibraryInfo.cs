using System.Reflection;

namespace RuralEcom;

/// <summary>Identifies the loaded RuralEcom library, so a notebook can show which build it runs on.</summary>
public static class LibraryInfo
{
    /// <summary>The informational version of RuralEcom.dll, e.g. "0.1.0".</summary>
    public static string Version { get; } =
        typeof(LibraryInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(LibraryInfo).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The full path of the loaded RuralEcom.dll.</summary>
    public static string Location => typeof(LibraryInfo).Assembly.Location;
}
