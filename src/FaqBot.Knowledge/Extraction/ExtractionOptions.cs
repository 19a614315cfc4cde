namespace FaqBot.Knowledge.Extraction;

/// <summary>How a folder of pages is read.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Defaults: lenient, no base URL.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>
    /// Public address of the articles folder (e.g. <c>https://docs.example.com/bot/</c>): relative links and pages without a
    /// canonical URL are resolved against it. Without it, relative links become plain text.
    /// </summary>
    public Uri? BaseUrl
    {
        get;

        // A folder address: without the final '/', relative paths would replace its last segment.
        init => field = value is null || value.AbsolutePath.EndsWith('/') ? value : new Uri(value.AbsoluteUri.Split('?', '#')[0] + "/");
    }

    /// <summary>Fail on the first unusable page (for a CI that checks articles) instead of skipping it.</summary>
    public bool Strict { get; init; }
}
