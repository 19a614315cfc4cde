namespace FaqBot.Cli.Commands;

/// <summary>The command line itself is wrong (exit code 2); the message says how to call the command.</summary>
internal sealed class UsageException(string message) : Exception(message);
