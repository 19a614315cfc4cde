namespace FaqBot.Web.DirectLine;

/// <summary>What a valid Direct Line token grants: access to one conversation until it expires.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, DateTimeOffset ExpiresAt);
