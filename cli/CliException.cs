namespace RuralEcom.Cli;

/// <summary>A mistake in the command line (e.g. an unknown column name): the message says what to change.</summary>
/// <param name="message">What is wrong and what to do.</param>
public sealed class CliException(string message) : Exception(message);
