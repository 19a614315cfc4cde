using System.Text.RegularExpressions;
using FaqBot.Knowledge.Reading;

namespace FaqBot.Knowledge.Extraction;

/// <summary>
/// Decides what a link in an answer points to: http(s) and mailto links as written; relative links resolved against the
/// page's public address (its canonical URL, else the configured base URL plus its path); anything else becomes text.
/// </summary>
internal sealed partial class LinkResolver
{
    private readonly PageContext _page;

    public LinkResolver(PageContext page, string? canonical)
    {
        _page = page;
        PageUrl = PageUrlOf(page, canonical);
    }

    /// <summary>The page's public address, or null when neither a canonical URL nor a base URL is known.</summary>
    public Uri? PageUrl { get; }

    /// <summary>Relative links shown as text because no address was known to resolve them against.</summary>
    public int Unresolved { get; private set; }

    /// <summary>The address a link should point to, or null when it must be shown as text.</summary>
    /// <param name="url">The link target as written.</param>
    /// <param name="origin">The file the link was written in (a snippet's links are relative to the snippet).</param>
    /// <param name="line">The page line, for warnings.</param>
    public string? Resolve(string? url, string origin, int line)
    {
        url = url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = "https:" + url;
        }

        if (Scheme().Match(url) is { Success: true } scheme)
        {
            if (scheme.Value.ToLowerInvariant() is "http:" or "https:" or "mailto:" && Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                return url;
            }

            _page.Warn(line, $"link '{Shorten(url)}' is not an http(s) or mailto address; it is shown as text.");
            return null;
        }

        if (url.StartsWith('#'))
        {
            return PageUrl is null ? Unresolvable() : new Uri(PageUrl, url).AbsoluteUri;
        }

        var root = _page.Options.BaseUrl ?? PageUrl;
        if (root is null)
        {
            return Unresolvable();
        }

        if (url.StartsWith('/'))
        {
            return new Uri(root, PagePath(url)).AbsoluteUri;
        }

        // Relative to the file it was written in, expressed from the articles folder (a snippet sits elsewhere than its page).
        var fromRoot = CombinePath(Directory(origin), url);
        if (_page.Options.BaseUrl is { } baseUrl)
        {
            return new Uri(baseUrl, PagePath(fromRoot)).AbsoluteUri;
        }

        var fromPage = RelativePath(Directory(_page.SourcePath), fromRoot);
        return new Uri(PageUrl!, PagePath(fromPage)).AbsoluteUri;
    }

    private string? Unresolvable()
    {
        Unresolved++;
        return null;
    }

    private static Uri? PageUrlOf(PageContext page, string? canonical)
    {
        if (canonical is not null)
        {
            if (Uri.TryCreate(canonical, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            {
                return absolute;
            }

            if (page.Options.BaseUrl is { } baseUrl && canonical.StartsWith('/') && Uri.TryCreate(baseUrl, canonical, out var rooted))
            {
                return rooted;
            }

            page.Warn(null, $"canonical URL '{Shorten(canonical)}' is not an http(s) address; it is ignored.");
        }

        return page.Options.BaseUrl is { } root ? new Uri(root, PagePath(page.SourcePath)) : null;
    }

    /// <summary>A page's address path: "guide/setup.md" is published as "guide/setup", "guide/index.md" as "guide/".</summary>
    private static string PagePath(string path)
    {
        var cut = path.IndexOfAny(['#', '?']);
        var (file, rest) = cut < 0 ? (path, string.Empty) : (path[..cut], path[cut..]);
        var page = MarkdownExtension().Replace(file, string.Empty);
        if (page.Length != file.Length)
        {
            page = IndexPage().Replace(page, string.Empty);
        }

        return page + rest;
    }

    private static string Directory(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..(slash + 1)];
    }

    private static string CombinePath(string directory, string relative)
    {
        var parts = new List<string>(directory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var cut = relative.IndexOfAny(['#', '?']);
        var (path, rest) = cut < 0 ? (relative, string.Empty) : (relative[..cut], relative[cut..]);
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else
                {
                    parts.Add("..");
                }
            }
            else if (segment is not ("." or "") || i == segments.Length - 1)
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts) + rest;
    }

    private static string RelativePath(string fromDirectory, string target)
    {
        var from = fromDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = target.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        return string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', to[common..]);
    }

    private static string Shorten(string url) => url.Length <= 80 ? url : url[..77] + "...";

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\.(?:md|markdown)$", RegexOptions.IgnoreCase)]
    private static partial Regex MarkdownExtension();

    [GeneratedRegex(@"(?:^|(?<=/))index$", RegexOptions.IgnoreCase)]
    private static partial Regex IndexPage();
}
