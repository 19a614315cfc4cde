namespace FaqBot.Bot.Dialog;

/// <summary>What a user's message is, before it is treated as a question.</summary>
public enum InputKind
{
    /// <summary>Anything else: a question for the answer engine.</summary>
    Question,

    /// <summary>"help".</summary>
    Help,

    /// <summary>"topics".</summary>
    Topics,

    /// <summary>"restart".</summary>
    Restart,

    /// <summary>"Tell me more".</summary>
    TellMeMore,

    /// <summary>"Helpful".</summary>
    Helpful,

    /// <summary>"Not helpful".</summary>
    NotHelpful,

    /// <summary>"None of these".</summary>
    NoneOfThese,

    /// <summary>Purely a greeting.</summary>
    Hello,

    /// <summary>Purely thanks.</summary>
    Thanks,

    /// <summary>Purely a goodbye.</summary>
    Bye,
}
