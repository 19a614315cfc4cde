namespace FaqBot.Knowledge.Extraction;

/// <summary>What a heading does in an article, beyond being a content section.</summary>
internal enum HeadingRole
{
    /// <summary>A content section: its heading becomes questions.</summary>
    Content,

    /// <summary>"Takeaway", "Key takeaways", "Summary": answers the article's title question.</summary>
    Takeaway,

    /// <summary>"Introduction", "Overview".</summary>
    Introduction,

    /// <summary>"Conclusion", "Final thoughts".</summary>
    Conclusion,

    /// <summary>"References", "Further reading", "Next steps", "Additional resources": links onward, not an answer.</summary>
    Reference,

    /// <summary>"FAQ", "Frequently asked questions": holds question/answer pairs.</summary>
    Faq,
}
