namespace FaqBot.Web.Messaging;

/// <summary>The outcome of reading an activity request body: the bytes, or the status and reason to refuse it with.</summary>
/// <param name="StatusCode">200 when the body is a usable activity; 400 or 413 otherwise.</param>
/// <param name="Body">The raw JSON when accepted.</param>
/// <param name="Error">Why the body was refused, in words fit for any caller (the response and the log).</param>
/// <param name="Detail">The parser's own message, for the log only: it shows internals an anonymous caller has no use for.</param>
public sealed record ActivityRequestBody(int StatusCode, ReadOnlyMemory<byte> Body, string? Error, string? Detail = null)
{
    /// <summary>True when the body can be handed to an adapter.</summary>
    public bool IsAccepted => StatusCode == StatusCodes.Status200OK;
}
