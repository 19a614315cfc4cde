using System.Text.Json.Nodes;

namespace FaqBot.Web.Tests.Support;

/// <summary>One activity the bot POSTed to the fake connector.</summary>
/// <param name="ConversationId">The conversation id from the URL (decoded).</param>
/// <param name="ReplyToId">The activity replied to, from the URL, or null for SendToConversation.</param>
/// <param name="Activity">The activity JSON.</param>
/// <param name="Authorization">The Authorization header the bot sent (empty in local mode).</param>
internal sealed record ConnectorCall(string ConversationId, string? ReplyToId, JsonObject Activity, string Authorization)
{
    public string? Text => Activity["text"]?.GetValue<string>();
}
