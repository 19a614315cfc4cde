namespace FaqBot.Bot.Tests.Fakes;

/// <summary>One row of the feedback table, read back raw.</summary>
public sealed record FeedbackRow(string Time, string Channel, string Conversation, string Question, string? EntryId, double? Confidence, string Kind);
