using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Extraction;

/// <summary>Recognises headings that are not questions by themselves ("Takeaway", "FAQ Section", "Conclusion", ...).</summary>
internal static partial class HeadingRoles
{
    private static readonly FrozenDictionary<string, HeadingRole> Named = new Dictionary<string, HeadingRole>
    {
        ["takeaway"] = HeadingRole.Takeaway,
        ["takeaways"] = HeadingRole.Takeaway,
        ["key takeaway"] = HeadingRole.Takeaway,
        ["key takeaways"] = HeadingRole.Takeaway,
        ["summary"] = HeadingRole.Takeaway,
        ["in summary"] = HeadingRole.Takeaway,
        ["tl dr"] = HeadingRole.Takeaway,
        ["tldr"] = HeadingRole.Takeaway,
        ["at a glance"] = HeadingRole.Takeaway,
        ["quick answer"] = HeadingRole.Takeaway,
        ["the short answer"] = HeadingRole.Takeaway,
        ["short answer"] = HeadingRole.Takeaway,
        ["bottom line"] = HeadingRole.Takeaway,
        ["the bottom line"] = HeadingRole.Takeaway,
        ["introduction"] = HeadingRole.Introduction,
        ["intro"] = HeadingRole.Introduction,
        ["overview"] = HeadingRole.Introduction,
        ["conclusion"] = HeadingRole.Conclusion,
        ["conclusions"] = HeadingRole.Conclusion,
        ["in conclusion"] = HeadingRole.Conclusion,
        ["final thoughts"] = HeadingRole.Conclusion,
        ["closing thoughts"] = HeadingRole.Conclusion,
        ["wrapping up"] = HeadingRole.Conclusion,
        ["references"] = HeadingRole.Reference,
        ["sources"] = HeadingRole.Reference,
        ["further reading"] = HeadingRole.Reference,
        ["see also"] = HeadingRole.Reference,
        ["related articles"] = HeadingRole.Reference,
        ["related posts"] = HeadingRole.Reference,
        ["table of contents"] = HeadingRole.Reference,
        ["next steps"] = HeadingRole.Reference,
        ["next step"] = HeadingRole.Reference,
        ["additional resources"] = HeadingRole.Reference,
        ["related topics"] = HeadingRole.Reference,
        ["related content"] = HeadingRole.Reference,
        ["related links"] = HeadingRole.Reference,
        ["contents"] = HeadingRole.Reference,
    }.ToFrozenDictionary();

    /// <summary>The role of a heading, from its plain text.</summary>
    public static HeadingRole Of(string heading)
    {
        var key = string.Join(' ', NonWord().Split(heading.ToLowerInvariant()).Where(w => w.Length > 0));
        if (Named.TryGetValue(key, out var role))
        {
            return role;
        }

        return !heading.TrimEnd().EndsWith('?') && Faq().IsMatch(key) ? HeadingRole.Faq : HeadingRole.Content;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\b(faq|faqs|frequently asked questions|questions and answers|q a|common questions)\b")]
    private static partial Regex Faq();
}
