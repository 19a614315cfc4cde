namespace FaqBot.Web.Tests.Fuzzing;

/// <summary>One hostile request body.</summary>
/// <param name="Kind">Which generator made it (for the counts in docs/reliability.md).</param>
/// <param name="Body">The raw bytes sent.</param>
/// <param name="ContentType">The Content-Type header, or null for none.</param>
public sealed record FuzzPayload(string Kind, byte[] Body, string? ContentType);
