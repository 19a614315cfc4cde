using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Tests;

/// <summary>A hand-built three-entry knowledge base about ferns: trains in well under a second.</summary>
internal static class TinyKnowledge
{
    public static KnowledgeBase Create()
    {
        static FaqEntry Entry(string slug, string question, params string[] paragraphs) => new(
            "tiny--" + slug, "tiny", EntryKind.Faq, [question], string.Join("\n\n", paragraphs), ["Tiny", "FAQ"], null,
            paragraphs.Select((p, i) => new Passage($"tiny--{slug}-p{i + 1}", PassageKind.Paragraph, p, p)).ToList(), 1);
        return new KnowledgeBase(
            [new Article("tiny", "Tiny", "tiny.md", null, null, [], null)],
            [
                Entry("how-often-should-i-water-ferns", "How often should I water ferns?", "Water ferns twice a week. Keep the soil moist but never soggy."),
                Entry("which-light-do-ferns-like", "Which light do ferns like?", "Ferns like bright indirect light.", "Direct sun scorches their fronds."),
                Entry("how-do-i-repot-a-fern", "How do I repot a fern?", "Repot a fern in spring into a pot one size larger with peat-free compost."),
            ]);
    }
}
