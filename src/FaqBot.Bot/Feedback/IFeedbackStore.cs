namespace FaqBot.Bot.Feedback;

/// <summary>Durable record of feedback and unanswered questions. Implementations are safe under concurrent turns.</summary>
public interface IFeedbackStore
{
    /// <summary>Stores <paramref name="feedbackEvent"/>; when the task completes the event survives the process being killed.</summary>
    Task RecordAsync(FeedbackEvent feedbackEvent, CancellationToken cancellationToken);
}
