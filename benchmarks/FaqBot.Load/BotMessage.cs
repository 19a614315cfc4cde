namespace FaqBot.Load;

/// <summary>One message the bot sent back: its text and the titles of its suggested actions.</summary>
internal sealed record BotMessage(string Text, IReadOnlyList<string> Actions);
