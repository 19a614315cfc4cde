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

    /// <summary>
    /// When false (the default), a feedback event is acknowledged once it is a line in the bot's journal file beside the
    /// database (one <c>write()</c>), and committed to the database within about <see cref="FeedbackCommitInterval"/>:
    /// a turn never waits for a commit, acknowledged feedback survives the bot being killed or crashing (the next start,
    /// or <c>faqbot review</c>, stores what a dead bot's journal holds), and only a power cut or an OS crash can lose the
    /// last few events. When true, an event is acknowledged only once its commit is fsynced (SQLite
    /// <c>synchronous = FULL</c>), so it survives a power cut too, and a turn that records one waits for that. The
    /// database is never corrupted either way.
    /// </summary>
    public bool FeedbackSurvivesPowerLoss { get; set; }

    /// <summary>
    /// While feedback arrives faster than this, the feedback store starts a commit at most once per interval, and the
    /// events that arrived meanwhile share it (group commit). With <see cref="FeedbackSurvivesPowerLoss"/> a turn that
    /// records an event waits for its commit, so this is the most a busy bot adds to such a turn; otherwise it is how
    /// long an event may sit in the journal before <c>review</c> sees it. An event after a quiet spell is committed at
    /// once. Zero commits as soon as the previous commit is done, at a dozen-odd system calls per commit.
    /// </summary>
    public TimeSpan FeedbackCommitInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The absolute path of the feedback database these options point at.</summary>
    public string GetDatabasePath()
    {
        var root = string.IsNullOrWhiteSpace(ContentRoot) ? Directory.GetCurrentDirectory() : ContentRoot;
        return Path.GetFullPath(Path.Combine(root, DataDirectory, DatabaseFileName));
    }
}
