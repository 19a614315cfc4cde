namespace FaqBot.Knowledge.Lint;

/// <summary>How much a lint finding matters.</summary>
public enum LintSeverity
{
    /// <summary>Works, but reads badly or may confuse the answer engine.</summary>
    Warning,

    /// <summary>Will fail in a channel (e.g. Teams rejects the message).</summary>
    Error,
}
