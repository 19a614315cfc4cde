namespace FaqBot.Hosting;

/// <summary>An article page the host could not use and left out, so the rest is served.</summary>
/// <param name="File">The page, relative to the articles folder.</param>
/// <param name="Line">The 1-based line at fault, when known.</param>
/// <param name="Reason">What is wrong with it and what to fix.</param>
public sealed record SkippedPage(string File, int? Line, string Reason);
