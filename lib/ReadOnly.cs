using System.Collections.ObjectModel;

namespace RuralEcom;

/// <summary>
/// Read-only views for the lists that results expose: a caller who casts a result's list to an array or an
/// <see cref="IList{T}"/> cannot write through it (the cast fails, or the write throws <see cref="NotSupportedException"/>).
/// </summary>
internal static class ReadOnly
{
    /// <summary>A read-only view over an array the library built for one result alone (no copy).</summary>
    public static ReadOnlyCollection<T> Own<T>(T[] items) => Array.AsReadOnly(items);

    /// <summary>A read-only view over a list the library built (no copy when it is already read-only or an array).</summary>
    public static IReadOnlyList<T> Own<T>(IReadOnlyList<T> items) => items switch
    {
        ReadOnlyCollection<T> view => view,
        T[] array => Array.AsReadOnly(array),
        _ => Array.AsReadOnly(items.ToArray()),
    };

    /// <summary>A read-only copy of a caller's sequence, so later changes to the caller's list do not reach the result.</summary>
    public static ReadOnlyCollection<T> Copy<T>(IEnumerable<T> items) => Array.AsReadOnly(items.ToArray());
}
