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
    private readonly ConcurrentDictionary<string, Func<string, AnswerResult>> _scripts = new(StringComparer.Ordinal);

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
        _scripts[QuestionNormalizer.Normalize(question)] = q => Answer(q, Entry(entryId), confidence, answer, needsClarification: false, []);
        return this;
    }

    /// <summary>Answers <paramref name="question"/> with the first alternative but flags it for clarification.</summary>
    public FakeAnswerEngine Clarifies(string question, params (string EntryId, float Confidence)[] alternatives)
    {
        _scripts[QuestionNormalizer.Normalize(question)] = q => Answer(
            q, Entry(alternatives[0].EntryId), alternatives[0].Confidence, null, needsClarification: true,
            [.. alternatives.Select(a => new AnswerAlternative(a.EntryId, Entry(a.EntryId).Question, a.Confidence))]);
        return this;
    }

    /// <summary>Declines <paramref name="question"/>, naming a closest entry.</summary>
    public FakeAnswerEngine Declines(string question, string closestEntryId, float confidence)
    {
        _scripts[QuestionNormalizer.Normalize(question)] = q => new AnswerResult(
            q, false, false, null, null, null, null, null, confidence, [new AnswerAlternative(closestEntryId, Entry(closestEntryId).Question, confidence)]);
        return this;
    }

    /// <summary>Throws when <paramref name="question"/> is asked (to exercise the error handler).</summary>
    public FakeAnswerEngine Throws(string question)
    {
        _scripts[QuestionNormalizer.Normalize(question)] = _ => throw new InvalidOperationException("The fake engine was told to fail.");
        return this;
    }

    public AnswerResult Ask(string question)
    {
        Questions.Enqueue(question);
        var normalized = QuestionNormalizer.Normalize(question);
        if (_scripts.TryGetValue(normalized, out var script))
        {
            return script(question);
        }

        var own = KnowledgeBase.Entries.FirstOrDefault(e => e.Questions.Any(q => QuestionNormalizer.Normalize(q) == normalized));
        return own is not null
            ? Answer(question, own, 0.95f, null, needsClarification: false, [])
            : new AnswerResult(question, false, false, null, null, null, null, null, 0.05f, []);
    }

    private FaqEntry Entry(string entryId) => FindEntry(entryId) ?? throw new ArgumentException($"No entry {entryId} in the fake's knowledge base.", nameof(entryId));

    private static AnswerResult Answer(
        string question, FaqEntry entry, float confidence, string? answer, bool needsClarification, IReadOnlyList<AnswerAlternative> alternatives) =>
        new(
            question,
            Answered: true,
            NeedsClarification: needsClarification,
            Answer: answer ?? entry.Passages[0].Markdown,
            EntryId: entry.Id,
            Title: entry.Question,
            Section: string.Join(" › ", entry.HeadingPath),
            Link: entry.Link,
            Confidence: confidence,
            Alternatives: alternatives.Count > 0 ? alternatives : [new AnswerAlternative(entry.Id, entry.Question, confidence)]);
}
