namespace FaqBot.Knowledge.Model;

/// <summary>Where in an article an entry came from.</summary>
public enum EntryKind
{
    /// <summary>An explicit question/answer pair from an FAQ section.</summary>
    Faq,

    /// <summary>A content section whose heading was turned into questions.</summary>
    Section,

    /// <summary>The article as a whole: its title as a question, answered by its summary.</summary>
    Article,
}
