using System.Text.Json.Serialization;

namespace FaqBot.Web.DirectLine;

/// <summary>The Direct Line answer to tokens/generate, tokens/refresh, start and reconnect (snake_case <c>expires_in</c> as on the wire).</summary>
public sealed record DirectLineSession(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl);
