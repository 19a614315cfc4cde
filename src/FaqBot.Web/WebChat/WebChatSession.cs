namespace FaqBot.Web.WebChat;

/// <summary>What the page needs to open Web Chat: a Direct Line token and where to use it.</summary>
/// <param name="Token">A Direct Line token for one conversation.</param>
/// <param name="ConversationId">The conversation the token opens.</param>
/// <param name="ExpiresIn">Seconds until the token expires (Web Chat refreshes it).</param>
/// <param name="Domain">The Direct Line base path on this host, or null for Azure Direct Line.</param>
/// <param name="UserId">The user id the page should chat as.</param>
public sealed record WebChatSession(string Token, string ConversationId, int ExpiresIn, string? Domain, string UserId);
