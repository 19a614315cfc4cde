namespace FaqBot.Bot.Feedback;

/// <summary>Durable record of feedback and unanswered questions. Implementations are safe under concurrent turns.</summary>
public interface IFeedbackStore
{
    /// <summary>
    /// Stores <paramref name="feedbackEvent"/> unless it repeats one of its conversation or the conversation is over its rate
    /// (see <see cref="FeedbackRetention"/>); when the task completes a stored event survives the process being killed.
    /// </summary>
    Task<FeedbackRecorded> RecordAsync(FeedbackEvent feedbackEvent, CancellationToken cancellationToken);
}
