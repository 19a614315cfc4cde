namespace FaqBot.Knowledge.Reading.Dialects;

/// <summary>What a rewritten line stands for, beyond its Markdown.</summary>
internal enum LineRole
{
    /// <summary>Ordinary Markdown.</summary>
    Content,

    /// <summary>A tab or content-tab label ("**C#**"): shown in the answer, but not a passage of its own.</summary>
    Label,

    /// <summary>A heading made from a collapsible question block: a question even when it does not end in '?'.</summary>
    Question,
}
