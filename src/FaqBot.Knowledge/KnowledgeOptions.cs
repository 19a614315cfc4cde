namespace FaqBot.Knowledge;

/// <summary>The <c>Knowledge</c> configuration section.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Knowledge";

    /// <summary>Folder holding the Markdown articles, relative to the content root unless absolute.</summary>
    public string ArticlesDirectory { get; set; } = "data/articles";

    /// <summary>
    /// Public address of the articles folder (e.g. <c>https://docs.example.com/bot/</c>): relative links in answers and pages
    /// without a canonical URL resolve against it. Empty: relative links become plain text.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Fail on the first page that cannot be used instead of skipping it and serving the rest: a host then keeps its
    /// previous model on such an edit (and serves nothing if it starts with one).
    /// </summary>
    public bool Strict { get; set; }

    /// <summary>
    /// The options extraction runs with: <see cref="BaseUrl"/> checked to be an absolute http(s) address; strict when
    /// <see cref="Strict"/> or <paramref name="strict"/> (<c>extract --strict</c>).
    /// </summary>
    /// <exception cref="FormatException"><see cref="BaseUrl"/> is set but is not an absolute http(s) address.</exception>
    public Extraction.ExtractionOptions ToExtractionOptions(bool strict = false)
    {
        Uri? baseUrl = null;
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https")))
        {
            throw new FormatException($"Knowledge:BaseUrl '{BaseUrl}' is not an absolute http(s) address, e.g. https://docs.example.com/bot/.");
        }

        return new Extraction.ExtractionOptions { BaseUrl = baseUrl, Strict = strict || Strict };
    }
}
