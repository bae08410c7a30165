namespace RuralEcom.Cca;

/// <summary>
/// The data given to a canonical correlation analysis cannot be analysed as it is: the message says what is
/// wrong, where (set, row, column) and what to do.
/// </summary>
public sealed class CcaDataException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, where, and what to do.</param>
    /// <param name="paramName">The argument that holds the bad data.</param>
    public CcaDataException(string message, string? paramName = null) : base(message, paramName) { }
}
