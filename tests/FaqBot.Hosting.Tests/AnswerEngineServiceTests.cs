using FaqBot.Classifier.Answering;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FaqBot.Hosting.Tests;

/// <summary>
/// Loading, hot reload and the articles folder's life (edited, broken, deleted, recreated, swapped through a symlink),
/// against real folders, the real watcher and real training. Models are shared across the class, so each distinct set
/// of articles is trained once.
/// </summary>
public sealed class AnswerEngineServiceTests(SharedModelFolder models) : IClassFixture<SharedModelFolder>, IDisposable
{
    private const string ToothpasteId = "how-to-deep-clean-pores--can-i-use-toothpaste-to-shrink-my-pores";
    private const string ToothpasteFaq =
        "**Q7: Can I use toothpaste to shrink my pores?**\nA7: No. Toothpaste holds baking soda and menthol, which irritate the skin and do not shrink pores.\n\n";

    private const string TeaPage = "green-tea.md";
    private const string TeaWaterId = "green-tea--how-hot-should-the-water-be-for-green-tea";
    private const string Tea =
        "# Green tea\n\n## How hot should the water be for green tea?\n\nAround 80 degrees; boiling water makes it bitter.\n\n"
        + "## How long should green tea steep?\n\nTwo to three minutes; longer brings out the bitterness.\n";

    // A page whose front matter is never closed cannot be used.
    private const string BrokenTea = "---\ntitle: Green tea\n\n" + Tea;

    private static readonly Dictionary<string, string?> DocsSite = new() { ["Knowledge:BaseUrl"] = "https://docs.example.com/tea/" };

    private static readonly string Seed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "data", "articles", ArticlesHost.SeedArticle));

    private readonly string _root = Directory.CreateTempSubdirectory("faqbot-hosting-").FullName;

    private static string WithToothpaste => Seed.Replace("### Conclusion", ToothpasteFaq + "### Conclusion", StringComparison.Ordinal);

    [Fact]
    public async Task An_edited_article_is_retrained_and_swapped_in_and_a_broken_edit_keeps_the_old_model_and_is_reported()
    {
        // Given a host serving the seed article
        var articles = Articles("articles", Seed);
        await using var host = await ArticlesHost.StartAsync(_root, articles, models.Path);
        var engine = (await host.NextAsync()).Swapped ? host.Engines.Engine! : throw new InvalidOperationException("not served");
        var hashBefore = engine.Status.KnowledgeBaseHash;

        // When an FAQ is added, another removed and an answer changed
        var q5 = Seed.IndexOf("**Q5:", StringComparison.Ordinal);
        var q6 = Seed.IndexOf("**Q6:", StringComparison.Ordinal);
        var edited = (Seed[..q5] + Seed[q6..]).Replace("Always use lukewarm water", "Always use cool or lukewarm water", StringComparison.Ordinal)
            .Replace("### Conclusion", ToothpasteFaq + "### Conclusion", StringComparison.Ordinal);
        Save(articles, edited);
        var swapped = await host.NextAsync(r => r.Swapped || r.Error is not null);

        // Then the change is swapped into the same engine and logged by entry id
        Assert.True(swapped.Swapped, swapped.Error);
        Assert.Equal([ToothpasteId], swapped.Changes.Added);
        Assert.Equal(["how-to-deep-clean-pores--what-are-sebaceous-filaments-and-how-are-they-different-from-blackheads"], swapped.Changes.Removed);
        Assert.Contains("how-to-deep-clean-pores--can-i-use-hot-water-to-wash-my-face-for-deep-cleaning", swapped.Changes.Changed);
        Assert.Same(engine, host.Engines.Engine);
        Assert.NotEqual(hashBefore, engine.Status.KnowledgeBaseHash);
        Assert.NotNull(engine.FindEntry(ToothpasteId));
        Assert.Contains(host.Logs.GetSnapshot(), l => l.Level == LogLevel.Information && l.Message.Contains($"1 added ({ToothpasteId})", StringComparison.Ordinal));

        // When the article is then broken (front matter never closed)
        var hashAfterEdit = engine.Status.KnowledgeBaseHash;
        Save(articles, edited.Replace("\n---\n\n##", "\n\n##", StringComparison.Ordinal));
        var broken = await host.NextAsync(r => r.Swapped || r.Error is not null);

        // Then the edited model keeps serving, and the log and the status name the file and the problem
        Assert.False(broken.Swapped);
        Assert.Contains("never closed", broken.Error, StringComparison.Ordinal);
        Assert.Equal(hashAfterEdit, engine.Status.KnowledgeBaseHash);
        Assert.Equal(KnowledgeHealth.Degraded, host.Engines.Status.Health);
        Assert.Contains(ArticlesHost.SeedArticle, host.Engines.Status.LastError, StringComparison.Ordinal);
        Assert.Contains(host.Logs.GetSnapshot(), l => l.Level == LogLevel.Warning
            && l.Message.Contains(ArticlesHost.SeedArticle, StringComparison.Ordinal) && l.Message.Contains("never closed", StringComparison.Ordinal));

        // When the edit is repaired, the error clears (the entries are those already served: nothing to train)
        Save(articles, edited);
        var repaired = await host.NextAsync(r => r.Error is null);
        Assert.True(repaired.Changes.IsEmpty);
        Assert.Equal(KnowledgeHealth.Ok, host.Engines.Status.Health);
    }

    [Fact]
    public async Task A_broken_page_is_skipped_the_rest_is_served_from_the_new_extraction_and_the_status_lists_the_page()
    {
        // Given a host serving two pages, the tea page with links under Knowledge:BaseUrl (it has no canonical address)
        var articles = Articles("articles", Seed);
        Save(articles, Tea, TeaPage);
        await using var host = await ArticlesHost.StartAsync(_root, articles, models.Path, DocsSite);
        await host.NextAsync();
        var engine = host.Engines.Engine!;
        Assert.Equal("https://docs.example.com/tea/green-tea#how-hot-should-the-water-be-for-green-tea", engine.FindEntry(TeaWaterId)!.Link);

        // When the tea page is broken
        Save(articles, BrokenTea, TeaPage);
        var broken = await host.NextAsync(r => r.Swapped || r.Error is not null);

        // Then the seed article is served from the new extraction without the tea page, which the status and the log name
        Assert.True(broken.Swapped, broken.Error);
        Assert.Contains(TeaWaterId, broken.Changes.Removed);
        Assert.Null(engine.FindEntry(TeaWaterId));
        Assert.NotNull(engine.FindEntry("how-to-deep-clean-pores--overview"));
        Assert.Equal(KnowledgeHealth.Degraded, host.Engines.Status.Health);
        var skipped = Assert.Single(host.Engines.Status.SkippedPages);
        Assert.Equal((TeaPage, 1), (skipped.FilePath, skipped.Line));
        Assert.Contains("never closed", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains(host.Logs.GetSnapshot(), l => l.Level == LogLevel.Warning
            && l.Message.Contains($"{TeaPage}:1:", StringComparison.Ordinal) && l.Message.Contains("never closed", StringComparison.Ordinal));

        // When the other page is edited meanwhile, the edit is served and the tea page is still listed
        Save(articles, WithToothpaste);
        var edited = await host.NextAsync(r => r.Swapped || r.Error is not null);
        Assert.Equal([ToothpasteId], edited.Changes.Added);
        Assert.Single(host.Engines.Status.SkippedPages);

        // When the tea page is repaired, it is served again and the status is ok
        Save(articles, Tea, TeaPage);
        var repaired = await host.NextAsync(r => r.Swapped || r.Error is not null);
        Assert.Contains(TeaWaterId, repaired.Changes.Added);
        Assert.Equal(KnowledgeHealth.Ok, host.Engines.Status.Health);
        Assert.Empty(host.Engines.Status.SkippedPages);
    }

    [Fact]
    public async Task With_Knowledge_Strict_a_broken_page_fails_the_reload_and_the_previous_model_keeps_serving_every_page()
    {
        // Given a strict host serving two pages
        var articles = Articles("articles", Seed);
        Save(articles, Tea, TeaPage);
        await using var host = await ArticlesHost.StartAsync(_root, articles, models.Path, new Dictionary<string, string?>(DocsSite) { ["Knowledge:Strict"] = "true" });
        await host.NextAsync();

        // When the tea page is broken
        Save(articles, BrokenTea, TeaPage);
        var broken = await host.NextAsync(r => r.Swapped || r.Error is not null);

        // Then nothing is swapped: the tea page's answers are still served, and the error names the page
        Assert.False(broken.Swapped);
        Assert.Contains($"{TeaPage}:1:", broken.Error, StringComparison.Ordinal);
        Assert.NotNull(host.Engines.Engine!.FindEntry(TeaWaterId));
        Assert.Equal(KnowledgeHealth.Degraded, host.Engines.Status.Health);
    }

    [Fact]
    public async Task A_folder_where_no_page_can_be_used_serves_nothing_and_names_the_pages()
    {
        var articles = Articles("articles", BrokenTea);
        await using var host = await ArticlesHost.StartAsync(_root, articles, models.Path);

        var first = await host.NextAsync();

        Assert.False(host.Engines.IsReady);
        Assert.Equal(KnowledgeHealth.Unavailable, host.Engines.Status.Health);
        Assert.Contains("no page", first.Error, StringComparison.Ordinal);
        Assert.Contains($"{ArticlesHost.SeedArticle}:1:", first.Error, StringComparison.Ordinal);
        Assert.Contains("never closed", first.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Touching_an_article_without_changing_an_entry_keeps_the_model()
    {
        var articles = Articles("articles", Seed);
        await using var host = await ArticlesHost.StartAsync(_root, articles, models.Path);
        await host.NextAsync();
        var status = host.Engines.Engine!.Status;

        File.AppendAllText(Path.Combine(articles, ArticlesHost.SeedArticle), "\n\n");
        var result = await host.Service.ReloadNowAsync();

        Assert.False(result.Swapped);
        Assert.Null(result.Error);
        Assert.True(result.Changes.IsEmpty);
        Assert.Equal(status, host.Engines.Engine!.Status);
    }

    [Fact]
    public async Task Hot_reload_survives_the_articles_folder_being_deleted_and_recreated()
    {
        // Given a host serving the seed article
        var articles = Articles("articles", Seed);
        await using var host = await ArticlesHost.StartAsync(_root, articles, models.Path);
        await host.NextAsync();

        // When the folder is deleted (a deploy or a checkout), the model keeps serving and the status says why
        Directory.Delete(articles, recursive: true);
        var gone = await host.NextAsync(r => r.Error is not null);
        Assert.Contains("does not exist", gone.Error, StringComparison.Ordinal);
        Assert.Equal(KnowledgeHealth.Degraded, host.Engines.Status.Health);
        Assert.NotNull(host.Engines.Engine!.FindEntry("how-to-deep-clean-pores--overview"));

        // When it is recreated with an edit, the edit is served
        Articles("articles", WithToothpaste);
        var back = await host.NextAsync(r => r.Swapped);
        Assert.Equal([ToothpasteId], back.Changes.Added);
        Assert.Equal(KnowledgeHealth.Ok, host.Engines.Status.Health);

        // And later saves in the new folder are still seen
        File.AppendAllText(Path.Combine(articles, ArticlesHost.SeedArticle), "\n\n");
        var touched = await host.NextAsync();
        Assert.Null(touched.Error);
    }

    [Fact]
    public async Task Hot_reload_follows_a_symlink_swap_of_the_articles_folder()
    {
        // Given articles served through a symlink to a release folder, as deploy tools lay them out
        var v1 = Articles(Path.Combine("releases", "v1"), Seed);
        var articles = Path.Combine(_root, "articles");
        Directory.CreateSymbolicLink(articles, v1);
        await using var host = await ArticlesHost.StartAsync(_root, articles, models.Path);
        await host.NextAsync();

        // When the link is atomically replaced by one to a new release
        var v2 = Articles(Path.Combine("releases", "v2"), WithToothpaste);
        Directory.CreateSymbolicLink(articles + ".new", v2);
        Run("mv", "-T", articles + ".new", articles);
        var swapped = await host.NextAsync(r => r.Swapped || r.Error is not null);

        // Then the new release is served, and saves in it are seen
        Assert.True(swapped.Swapped, swapped.Error);
        Assert.Equal([ToothpasteId], swapped.Changes.Added);
        File.AppendAllText(Path.Combine(v2, ArticlesHost.SeedArticle), "\n\n");
        Assert.Null((await host.NextAsync()).Error);
    }

    [Fact]
    public async Task A_missing_articles_folder_at_start_leaves_the_host_unavailable_until_the_folder_appears()
    {
        // Given no articles folder at start-up
        var articles = Path.Combine(_root, "articles");
        await using var host = await ArticlesHost.StartAsync(_root, articles, models.Path);

        // Then the host runs without an engine, and says why in one line without a stack trace
        var first = await host.NextAsync();
        Assert.False(host.Engines.IsReady);
        Assert.Equal(KnowledgeHealth.Unavailable, host.Engines.Status.Health);
        Assert.Contains(articles, first.Error, StringComparison.Ordinal);
        var logged = Assert.Single(host.Logs.GetSnapshot(), l => l.Level == LogLevel.Error);
        Assert.Contains("declines every question", logged.Message, StringComparison.Ordinal);
        Assert.Null(logged.Exception);

        // When the folder appears, the engine starts serving
        Articles("articles", Seed);
        await host.NextAsync(r => r.Swapped);
        Assert.True(host.Engines.IsReady);
        Assert.Equal(KnowledgeHealth.Ok, host.Engines.Status.Health);
    }

    [Fact]
    public async Task A_reload_starts_from_the_serving_models_vectors_so_an_edit_embeds_only_what_it_changed()
    {
        // Given a host serving a one-page knowledge base, whose stored model is then lost
        var articles = Directory.CreateDirectory(Path.Combine(_root, "tea")).FullName;
        Save(articles, Tea, TeaPage);
        var modelDirectory = Path.Combine(_root, "tea-model");
        await using var host = await ArticlesHost.StartAsync(_root, articles, modelDirectory);
        Assert.True((await host.NextAsync()).Swapped);
        Directory.Delete(modelDirectory, recursive: true);

        // When one answer is edited
        Save(articles, Tea.Replace("Two to three minutes", "Three minutes at most", StringComparison.Ordinal), TeaPage);
        var reloaded = await host.NextAsync(r => r.Swapped || r.Error is not null);

        // Then only the texts the edit touched are embedded: the rest come from the model in memory, not from disk
        Assert.True(reloaded.Swapped, reloaded.Error);
        var model = ((AnswerEngine)host.Engines.Engine!).Current.Model;
        Assert.InRange(model.Metadata.Embedded, 1, 10);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Articles(string folder, string seedArticle)
    {
        var path = Directory.CreateDirectory(Path.Combine(_root, folder)).FullName;
        Save(path, seedArticle);
        return path;
    }

    // Saved as editors that save safely do (a temporary file renamed over the article), so a reload never reads it half written.
    private static void Save(string articles, string text, string page = ArticlesHost.SeedArticle)
    {
        var article = Path.Combine(articles, page);
        File.WriteAllText(article + ".tmp", text);
        File.Move(article + ".tmp", article, overwrite: true);
    }

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(command, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
