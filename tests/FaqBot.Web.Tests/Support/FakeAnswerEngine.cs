using FaqBot.Classifier.Answering;
using FaqBot.Knowledge.Model;

namespace FaqBot.Web.Tests.Support;

/// <summary>An answer engine that only reports a status, for <c>/healthz</c> tests.</summary>
internal sealed class FakeAnswerEngine(AnswerEngineStatus status) : IAnswerEngine
{
    public KnowledgeBase KnowledgeBase { get; } = new([], []);

    public AnswerEngineStatus Status => status;

    public AnswerOutcome Ask(string question) => new Declined(question, 0f, []);

    public FaqEntry? FindEntry(string entryId) => null;
}
