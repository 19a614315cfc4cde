using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Answering;

/// <summary>
/// Answers a user's question from the knowledge base, or declines it. The one interface the bot talks to,
/// so the bot can be tested against a fake. Implementations are thread-safe.
/// </summary>
public interface IAnswerEngine
{
    /// <summary>Answers <paramref name="question"/>, asks "Did you mean…?", or declines. Never throws for bad input: any string is a question.</summary>
    AnswerOutcome Ask(string question);

    /// <summary>The knowledge base currently answered from (swapped atomically on reload).</summary>
    KnowledgeBase KnowledgeBase { get; }

    /// <summary>The entry with this id, or null (used for "Tell me more").</summary>
    FaqEntry? FindEntry(string entryId);

    /// <summary>What is loaded, for health checks.</summary>
    AnswerEngineStatus Status { get; }
}
