using System.Threading.Channels;
using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Hosting;
using FaqBot.Classifier.Reloading;
using FaqBot.Knowledge.Extraction;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FaqBot.Classifier.Tests.Reloading;

/// <summary>Hot reload against a real folder, a real watcher and real training (two trainings: a few seconds each).</summary>
public sealed class KnowledgeReloadServiceTests : IDisposable
{
    private const string NewFaq =
        "**Q7: Can I use toothpaste to shrink my pores?**\nA7: No. Toothpaste holds baking soda and menthol, which irritate the skin and do not shrink pores.\n\n";

    private readonly ITestOutputHelper _output;
    private readonly string _root = Directory.CreateTempSubdirectory("faqbot-reload-").FullName;
    private readonly string _articles;
    private readonly string _article;

    public KnowledgeReloadServiceTests(ITestOutputHelper output)
    {
        _output = output;
        _articles = Directory.CreateDirectory(Path.Combine(_root, "articles")).FullName;
        _article = Path.Combine(_articles, "how-to-deep-clean-pores.md");
        File.Copy(Path.Combine(RepoPaths.Articles, "how-to-deep-clean-pores.md"), _article);
    }

    [Fact]
    public async Task An_edited_article_is_retrained_aside_swapped_in_and_logged_and_a_broken_edit_keeps_the_old_model()
    {
        // Given an engine serving the seed article and the service watching its folder
        var loader = new AnswerEngineLoader(
            new ClassifierOptions { ModelDirectory = Path.Combine(_root, "model"), DataDirectory = RepoPaths.ClassifierData }, RepoPaths.Root);
        var engine = new AnswerEngine(loader.LoadOrTrain(KnowledgeExtractor.ExtractDirectory(_articles), out _), loader);
        var logger = new ListLogger<KnowledgeReloadService>();
        using var service = new KnowledgeReloadService(
            () => engine, _articles, new KnowledgeReloadOptions { Debounce = TimeSpan.FromMilliseconds(200) }, TimeProvider.System, logger);
        var results = Channel.CreateUnbounded<KnowledgeReloadResult>();
        service.Reloaded += r => results.Writer.TryWrite(r);
        await service.StartAsync(CancellationToken.None);
        var hashBefore = engine.Status.KnowledgeBaseHash;

        // When an FAQ is added, another removed and an answer changed, while questions keep arriving
        using var asking = new CancellationTokenSource();
        var answeredDuringReload = Task.Run(() => AskUntilCancelled(engine, asking.Token));
        var text = await File.ReadAllTextAsync(_article);
        var q5 = text.IndexOf("**Q5:", StringComparison.Ordinal);
        var q6 = text.IndexOf("**Q6:", StringComparison.Ordinal);
        text = text[..q5] + text[q6..];
        text = text.Replace("Always use lukewarm water", "Always use cool or lukewarm water", StringComparison.Ordinal)
            .Replace("### Conclusion", NewFaq + "### Conclusion", StringComparison.Ordinal);
        await SaveArticleAsync(text);
        var swapped = await NextAsync(results, r => r.Swapped || r.Error is not null);
        await asking.CancelAsync();
        var (asked, declined) = await answeredDuringReload;

        // Then the old model answered every question until the new one was swapped in, and the change is logged by id
        Assert.True(swapped.Swapped, swapped.Error);
        Assert.Equal(["how-to-deep-clean-pores--can-i-use-toothpaste-to-shrink-my-pores"], swapped.Changes.Added);
        Assert.Equal(["how-to-deep-clean-pores--what-are-sebaceous-filaments-and-how-are-they-different-from-blackheads"], swapped.Changes.Removed);
        Assert.Contains("how-to-deep-clean-pores--can-i-use-hot-water-to-wash-my-face-for-deep-cleaning", swapped.Changes.Changed);
        Assert.True(asked > 0);
        Assert.Equal(0, declined);
        Assert.NotEqual(hashBefore, engine.Status.KnowledgeBaseHash);
        Assert.NotNull(engine.FindEntry("how-to-deep-clean-pores--can-i-use-toothpaste-to-shrink-my-pores"));
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Information
            && l.Message.Contains("1 added (how-to-deep-clean-pores--can-i-use-toothpaste-to-shrink-my-pores)", StringComparison.Ordinal)
            && l.Message.Contains("1 removed", StringComparison.Ordinal));

        // When the article is then broken (front matter never closed)
        var hashAfterEdit = engine.Status.KnowledgeBaseHash;
        await SaveArticleAsync(text.Replace("\n---\n\n##", "\n\n##", StringComparison.Ordinal));
        var broken = await NextAsync(results, r => r.Swapped || r.Error is not null);

        // Then the edited model keeps serving and the ArticleFormatException is logged with the file
        Assert.False(broken.Swapped);
        Assert.Contains("never closed", broken.Error, StringComparison.Ordinal);
        Assert.Equal(hashAfterEdit, engine.Status.KnowledgeBaseHash);
        Assert.NotNull(engine.Ask("how often should I deep clean my pores").Shown);
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Warning
            && l.Message.Contains("how-to-deep-clean-pores.md", StringComparison.Ordinal)
            && l.Message.Contains("never closed", StringComparison.Ordinal));

        await service.StopAsync(CancellationToken.None);
        foreach (var (level, message) in logger.Lines)
        {
            _output.WriteLine($"{level}: {message}");
        }
    }

    // Saved as editors that save safely do (a temporary file renamed over the article), so the watcher never sees the
    // article empty or half written: on a loaded machine a plain rewrite can outlast the debounce, and the reload would
    // then rightly report the half-written article instead of the edit this test is about.
    private async Task SaveArticleAsync(string text)
    {
        var temporary = _article + ".tmp";
        await File.WriteAllTextAsync(temporary, text);
        File.Move(temporary, _article, overwrite: true);
    }

    [Fact]
    public async Task Touching_an_article_without_changing_an_entry_keeps_the_model()
    {
        var loader = new AnswerEngineLoader(
            new ClassifierOptions { ModelDirectory = Path.Combine(_root, "model"), DataDirectory = RepoPaths.ClassifierData }, RepoPaths.Root);
        var engine = new AnswerEngine(loader.LoadOrTrain(KnowledgeExtractor.ExtractDirectory(_articles), out _), loader);
        var answerer = engine.Current;
        using var service = new KnowledgeReloadService(
            () => engine, _articles, new KnowledgeReloadOptions(), TimeProvider.System, new ListLogger<KnowledgeReloadService>());

        File.AppendAllText(_article, "\n\n");
        var result = await service.ReloadNowAsync();

        Assert.False(result.Swapped);
        Assert.Null(result.Error);
        Assert.True(result.Changes.IsEmpty);
        Assert.Same(answerer, engine.Current);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int Asked, int Declined) AskUntilCancelled(AnswerEngine engine, CancellationToken cancellationToken)
    {
        var asked = 0;
        var declined = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            asked++;
            if (engine.Ask("how often should I deep clean my pores") is Declined)
            {
                declined++;
            }
        }

        return (asked, declined);
    }

    // The timeout only turns a hang into a failure; nothing is timed.
    private static async Task<KnowledgeReloadResult> NextAsync(Channel<KnowledgeReloadResult> results, Func<KnowledgeReloadResult, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var result = await results.Reader.ReadAsync(timeout.Token);
            if (wanted(result))
            {
                return result;
            }
        }
    }
}
