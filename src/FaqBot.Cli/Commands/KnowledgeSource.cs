using FaqBot.Hosting;
using FaqBot.Knowledge;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FaqBot.Cli.Commands;

/// <summary>
/// How the commands that answer (<c>train</c>, <c>eval</c>, <c>ask</c>, <c>chat</c>) read the articles: as the web host
/// does (<see cref="ArticlesReader"/>: pages that cannot be used are skipped, <c>Knowledge:BaseUrl</c> honoured), with
/// one warning line per skipped page on stderr.
/// </summary>
internal static class KnowledgeSource
{
    /// <summary>The knowledge base from the configured articles folder (<c>Knowledge:ArticlesDirectory</c>).</summary>
    /// <exception cref="CommandException">The folder is missing, or no page in it can be used.</exception>
    public static KnowledgeBase Load(IHost host, TextWriter stderr)
    {
        var articles = CliHost.Valid(() => host.Services.GetRequiredService<ArticlesReader>());
        ExtractionResult result;
        try
        {
            result = articles.Read();
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CommandException($"{ex.Message} Or pass --knowledge FILE.json.");
        }
        catch (ArticleFormatException ex)
        {
            throw new CommandException(ex.Message);
        }

        WarnSkipped(articles.ArticlesDirectory, result.Skipped, stderr);
        return result.KnowledgeBase;
    }

    /// <summary>"warning: skipped /full/path/page.md:3: reason" for each page (named relative to <paramref name="articlesDirectory"/>).</summary>
    public static void WarnSkipped(string articlesDirectory, IEnumerable<SkippedPage> skipped, TextWriter stderr)
    {
        foreach (var page in skipped)
        {
            stderr.WriteLine($"warning: skipped {page with { FilePath = Path.Combine(articlesDirectory, page.FilePath) }}");
        }
    }
}
