using System.Collections.Concurrent;
using FaqBot.Bot.Feedback;
using FaqBot.Classifier.Answering;
using FaqBot.Knowledge.Model;

namespace FaqBot.Bot.Tests.Fakes;

/// <summary>
/// A scripted answer engine for bot tests. Scripted questions (matched after normalisation) answer, clarify or throw;
/// a question equal to an entry's own question answers that entry; anything else is declined.
/// Thread-safe, like the real engine.
/// </summary>
public sealed class FakeAnswerEngine : IAnswerEngine
{
    private readonly ConcurrentDictionary<string, Func<string, AnswerOutcome>> _scripts = new(StringComparer.Ordinal);

    public FakeAnswerEngine(KnowledgeBase? knowledgeBase = null)
    {
        KnowledgeBase = knowledgeBase ?? SeedKnowledge.KnowledgeBase;
    }

    public KnowledgeBase KnowledgeBase { get; set; }

    public AnswerEngineStatus Status => new(true, KnowledgeBase.Entries.Count, "fake", null);

    /// <summary>Every question asked, in order.</summary>
    public ConcurrentQueue<string> Questions { get; } = new();

    public FaqEntry? FindEntry(string entryId) => KnowledgeBase.Entries.FirstOrDefault(e => e.Id == entryId);

    /// <summary>Answers <paramref name="question"/> with the entry; the precise answer is its first passage unless given.</summary>
    public FakeAnswerEngine Answers(string question, string entryId, float confidence = 0.9f, string? answer = null)
    {
        _scripts[QuestionNormalizer.Normalize(question)] = q => new Answered(q, Shown(Entry(entryId), confidence, answer), [Alternative(Entry(entryId), confidence)]);
        return this;
    }

    /// <summary>Shows the first alternative's answer and asks "Did you mean…?" with all of them.</summary>
    public FakeAnswerEngine Clarifies(string question, params (string EntryId, float Confidence)[] alternatives)
    {
        _scripts[QuestionNormalizer.Normalize(question)] = q =>
        {
            var candidates = alternatives.Select(a => Shown(Entry(a.EntryId), a.Confidence, null)).ToList();
            return new Clarify(q, candidates[0], candidates, [.. alternatives.Select(a => Alternative(Entry(a.EntryId), a.Confidence))]);
        };
        return this;
    }

    /// <summary>Declines <paramref name="question"/>, naming a closest entry.</summary>
    public FakeAnswerEngine Declines(string question, string closestEntryId, float confidence)
    {
        _scripts[QuestionNormalizer.Normalize(question)] = q => new Declined(q, confidence, [Alternative(Entry(closestEntryId), confidence)]);
        return this;
    }

    /// <summary>Throws when <paramref name="question"/> is asked (to exercise the error handler).</summary>
    public FakeAnswerEngine Throws(string question)
    {
        _scripts[QuestionNormalizer.Normalize(question)] = _ => throw new InvalidOperationException("The fake engine was told to fail.");
        return this;
    }

    public AnswerOutcome Ask(string question)
    {
        Questions.Enqueue(question);
        var normalized = QuestionNormalizer.Normalize(question);
        if (_scripts.TryGetValue(normalized, out var script))
        {
            return script(question);
        }

        var own = KnowledgeBase.Entries.FirstOrDefault(e => e.Questions.Any(q => QuestionNormalizer.Normalize(q) == normalized));
        return own is not null
            ? new Answered(question, Shown(own, 0.95f, null), [Alternative(own, 0.95f)])
            : new Declined(question, 0.05f, []);
    }

    private FaqEntry Entry(string entryId) => FindEntry(entryId) ?? throw new ArgumentException($"No entry {entryId} in the fake's knowledge base.", nameof(entryId));

    private static Answer Shown(FaqEntry entry, float confidence, string? answer) => new(
        entry.Id,
        entry.ArticleId,
        entry.Question,
        answer ?? entry.Passages[0].Markdown,
        string.Join(" › ", entry.HeadingPath),
        entry.Link,
        confidence,
        HasMore: entry.Passages.Count > 1);

    private static AnswerAlternative Alternative(FaqEntry entry, float confidence) => new(entry.Id, entry.Question, confidence);
}
