namespace FaqBot.Web.Messaging;

/// <summary>The outcome of reading an activity request body: the bytes, or the status and reason to refuse it with.</summary>
/// <param name="StatusCode">200 when the body is a usable activity; 400 or 413 otherwise.</param>
/// <param name="Body">The raw JSON when accepted.</param>
/// <param name="Error">Why the body was refused, for the response and the log.</param>
public sealed record ActivityRequestBody(int StatusCode, ReadOnlyMemory<byte> Body, string? Error)
{
    /// <summary>True when the body can be handed to an adapter.</summary>
    public bool IsAccepted => StatusCode == StatusCodes.Status200OK;
}
