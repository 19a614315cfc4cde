namespace FaqBot.Cli;

/// <summary>The process exit codes every command uses.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Bad input: a missing, empty or malformed article, knowledge base or model; the message says which.</summary>
    public const int BadInput = 1;

    /// <summary>Bad command line: unknown command or option, missing or invalid argument.</summary>
    public const int Usage = 2;
}
