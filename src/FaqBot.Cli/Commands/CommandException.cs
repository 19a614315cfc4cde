namespace FaqBot.Cli.Commands;

/// <summary>A user error: printed to stderr without a stack trace, exit code 1.</summary>
internal sealed class CommandException(string message) : Exception(message);
