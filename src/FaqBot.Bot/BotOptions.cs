namespace FaqBot.Bot;

/// <summary>Settings of the FAQ bot, bound from the <c>Bot</c> configuration section.</summary>
public sealed class BotOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Bot";

    /// <summary>The feedback database's file name inside <see cref="DataDirectory"/>.</summary>
    public const string DatabaseFileName = "feedback.db";

    /// <summary>Where the feedback database lives; relative paths are resolved against <see cref="ContentRoot"/>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The folder relative paths are resolved against. When unset, the host's <c>contentRoot</c> configuration
    /// key is used (the generic host and ASP.NET Core set it), else the current directory.
    /// </summary>
    public string? ContentRoot { get; set; }

    /// <summary>Longer messages are not sent to the answer engine; the user is asked for a shorter question.</summary>
    public int MaxQuestionLength { get; set; } = 2_000;

    /// <summary>The absolute path of the feedback database these options point at.</summary>
    public string GetDatabasePath()
    {
        var root = string.IsNullOrWhiteSpace(ContentRoot) ? Directory.GetCurrentDirectory() : ContentRoot;
        return Path.GetFullPath(Path.Combine(root, DataDirectory, DatabaseFileName));
    }
}
