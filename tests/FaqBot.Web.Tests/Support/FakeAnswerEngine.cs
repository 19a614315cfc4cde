using FaqBot.Classifier.Answering;
using FaqBot.Knowledge.Model;

namespace FaqBot.Web.Tests.Support;

/// <summary>An answer engine that reports a status (for <c>/healthz</c> tests) and declines, or answers as <paramref name="ask"/> says.</summary>
internal sealed class FakeAnswerEngine(AnswerEngineStatus status, Func<string, AnswerOutcome>? ask = null) : IAnswerEngine
{
    public KnowledgeBase KnowledgeBase { get; } = new([], []);

    public AnswerEngineStatus Status => status;

    public AnswerOutcome Ask(string question) => ask?.Invoke(question) ?? new Declined(question, 0f, []);

    public FaqEntry? FindEntry(string entryId) => null;
}
