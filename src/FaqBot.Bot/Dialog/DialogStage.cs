namespace FaqBot.Bot.Dialog;

/// <summary>Where a conversation is in the FAQ dialog.</summary>
public enum DialogStage
{
    /// <summary>Waiting for a question (or a command, or feedback on the last answer).</summary>
    Idle,

    /// <summary>The bot asked "Did you mean…?" and waits for a pick or "None of these".</summary>
    Clarifying,
}
