namespace FaqBot.Bot.Dialog;

/// <summary>
/// Everything the FAQ dialog remembers about one conversation, kept small (a few hundred bytes) because it is
/// stored per conversation in <c>ConversationState</c> and read and written every turn. Losing it (expiry,
/// restart) only costs the user the context of the last answer: the next question starts afresh.
/// </summary>
public sealed class FaqConversationData
{
    /// <summary>Most users greeted this many times fewer than this; older ids are dropped to keep the state small.</summary>
    public const int MaxGreetedUsers = 20;

    /// <summary>Where the dialog is.</summary>
    public DialogStage Stage { get; set; } = DialogStage.Idle;

    /// <summary>The question being clarified, while <see cref="Stage"/> is <see cref="DialogStage.Clarifying"/>.</summary>
    public string? PendingQuestion { get; set; }

    /// <summary>The entries offered in "Did you mean…?", in the order shown.</summary>
    public List<ClarificationCandidate> Candidates { get; set; } = [];

    /// <summary>The last answer, for "Tell me more" and feedback.</summary>
    public AnsweredQuestion? LastAnswer { get; set; }

    /// <summary>Users already welcomed in this conversation, so a repeated conversationUpdate greets nobody twice.</summary>
    public List<string> GreetedUserIds { get; set; } = [];

    /// <summary>True once the bot has introduced itself in this Teams channel or group chat.</summary>
    public bool Introduced { get; set; }
}
