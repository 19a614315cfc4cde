namespace FaqBot.Web.DirectLine;

/// <summary>What a valid Direct Line token grants: access to one conversation until it expires.</summary>
/// <param name="ConversationId">The one conversation the token opens.</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
/// <param name="Started">The conversation existed when the token was issued (false: a page token that will open it).</param>
public sealed record DirectLineTokenClaims(string ConversationId, DateTimeOffset ExpiresAt, bool Started);
