namespace FaqBot.Load;

/// <summary>One Direct Line conversation as its user holds it: the token, the watermark, and every activity id seen.</summary>
internal sealed class DirectLineChat(string conversationId, string token, string userId)
{
    public string Token { get; } = token;

    public string UserId { get; } = userId;

    public string ActivitiesPath { get; } = $"v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities";

    public string Watermark { get; set; } = string.Empty;

    public List<string> Seen { get; } = [];
}
