using System.Diagnostics;
using System.Threading.Channels;
using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Embeddings;
using FaqBot.Classifier.Hosting;
using FaqBot.Hosting.Reloading;
using FaqBot.Knowledge;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.Hosting;

/// <summary>
/// Extracts the articles (<see cref="ArticlesReader"/>), loads the current model or trains one, and serves it through
/// <see cref="AnswerEngineHost"/>; then watches the articles folder and, once it has been quiet for the debounce time,
/// re-extracts and retrains off to the side while the current model keeps answering, swaps the new one in and logs which
/// entries changed. A page that cannot be used is skipped, logged and listed in <see cref="AnswerEngineHost.Status"/>
/// while the rest is served. Articles that cannot be used at all (no usable page, a missing folder, or any broken page
/// when strict) never stop the host: the previous model keeps serving, or none while there never was one. A model folder
/// that cannot be written does not either: the trained model serves from memory and the status says it is not stored.
/// </summary>
public sealed class AnswerEngineService : BackgroundService
{
    private static readonly KnowledgeChanges NoChanges = new([], [], []);
    private static readonly KnowledgeBase Nothing = new([], []);

    private readonly AnswerEngineHost _host;
    private readonly AnswerEngineLoader _loader;
    private readonly ArticlesReader _articles;
    private readonly string _articlesDirectory;
    private readonly KnowledgeReloadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private AnswerEngine? _engine;
    private string? _modelNotSaved;

    // One pending signal is enough: a reload always reads the whole folder.
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Creates the service.</summary>
    public AnswerEngineService(
        AnswerEngineHost host,
        AnswerEngineLoader loader,
        ArticlesReader articles,
        IOptions<KnowledgeReloadOptions> options,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _host = host;
        _loader = loader;
        _articles = articles;
        _articlesDirectory = articles.ArticlesDirectory;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _loggers = loggers;
        _logger = loggers.CreateLogger<AnswerEngineService>();
    }

    /// <summary>Raised after every load or reload attempt (tests and diagnostics).</summary>
    public event Action<KnowledgeReloadResult>? Reloaded;

    /// <summary>
    /// Re-extracts the articles and, when they changed (or no engine serves yet), loads or trains a model and swaps it
    /// in. Never throws for bad articles: the result says what went wrong.
    /// </summary>
    public async Task<KnowledgeReloadResult> ReloadNowAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ExtractionResult next;
            var watch = Stopwatch.StartNew();
            try
            {
                next = await Task.Run(_articles.Read, cancellationToken).ConfigureAwait(false);
                _logger.LogDebug("Read the articles in {Directory} in {Seconds:0.0} s.", _articlesDirectory, watch.Elapsed.TotalSeconds);
            }
            catch (Exception ex) when (ex is ArticleFormatException or IOException or UnauthorizedAccessException)
            {
                return Failed(ex.Message);
            }

            return _engine is null
                ? await ServeFirstAsync(next, cancellationToken).ConfigureAwait(false)
                : await ReloadAsync(_engine, next, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            _logger.LogError(ex, "Loading the knowledge base failed; {What}.", Keeping());
            return Failed(ex.Message, logged: true);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_host.IsFixed)
        {
            return;
        }

        try
        {
            // Off the start-up path: the host listens (and says it is starting) while the first model trains.
            await Task.Yield();

            // Loading the embedding model takes seconds: done while the articles are read rather than after. A failure
            // surfaces (and is logged) where the model is first used.
            _ = Task.Run(() => SentenceEmbedder.Shared, stoppingToken);
            var first = await ReloadNowAsync(stoppingToken).ConfigureAwait(false);
            Reloaded?.Invoke(first);
            if (_options.Enabled)
            {
                await WatchAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _reloading.Dispose();
        base.Dispose();
    }

    private async Task<KnowledgeReloadResult> ServeFirstAsync(ExtractionResult extracted, CancellationToken cancellationToken)
    {
        var knowledgeBase = extracted.KnowledgeBase;
        var watch = Stopwatch.StartNew();
        var (answerer, trained) = await Task.Run(() => LoadOrTrain(knowledgeBase), cancellationToken).ConfigureAwait(false);
        _engine = new AnswerEngine(answerer, _loader, _loggers.CreateLogger<AnswerEngine>());
        LogNewlySkipped(extracted.Skipped);
        _host.Serve(_engine, extracted.Skipped, _modelNotSaved);
        _logger.LogInformation(
            "Answer engine ready: {Entries} entries from {Articles} article(s) in {Directory}, {Skipped} page(s) skipped; model {How} in {Seconds:0.0} s.",
            knowledgeBase.Entries.Count, knowledgeBase.Articles.Count, _articlesDirectory, extracted.Skipped.Count, trained ? "trained" : "loaded",
            watch.Elapsed.TotalSeconds);
        return new KnowledgeReloadResult(true, KnowledgeChanges.Between(Nothing, knowledgeBase), null);
    }

    private async Task<KnowledgeReloadResult> ReloadAsync(AnswerEngine engine, ExtractionResult extracted, CancellationToken cancellationToken)
    {
        var next = extracted.KnowledgeBase;
        var changes = KnowledgeChanges.Between(engine.KnowledgeBase, next);
        LogNewlySkipped(extracted.Skipped);
        if (changes.IsEmpty)
        {
            _host.Loaded(extracted.Skipped, _modelNotSaved);
            _logger.LogInformation("Checked the articles in {Directory}: no entry changed; the model stays.", _articlesDirectory);
            return new KnowledgeReloadResult(false, changes, null);
        }

        var watch = Stopwatch.StartNew();

        // Training is CPU-bound; the engine keeps serving the old answerer until Swap replaces the reference. The serving
        // model's vectors are the cache, so only the texts the edit changed are embedded, with no read of the stored ones.
        var cache = engine.Current.Model.Vectors;
        var (answerer, trained) = await Task.Run(() => LoadOrTrain(next, cache), cancellationToken).ConfigureAwait(false);
        engine.Swap(answerer);
        _host.Loaded(extracted.Skipped, _modelNotSaved);
        _logger.LogInformation(
            "Reloaded the knowledge base from {Directory}: {Changes}; model {How} and swapped in after {Seconds:0.0} s.",
            _articlesDirectory, changes, trained ? "trained" : "loaded", watch.Elapsed.TotalSeconds);
        return new KnowledgeReloadResult(true, changes, null);
    }

    // The loader's LoadOrTrain, except that a model folder it cannot write (read-only data, a full disk) costs the host
    // only the stored copy: the freshly trained model serves from memory and the reason shows in /healthz.
    private (Answerer Answerer, bool Trained) LoadOrTrain(KnowledgeBase knowledgeBase, TextVectors? cache = null)
    {
        var store = _loader.Store;
        var watch = Stopwatch.StartNew();
        var model = store.TryLoad(_loader.HashOf(knowledgeBase), out var reason);
        if (model is not null)
        {
            _logger.LogInformation(
                "Loaded the answer model from {Path} (trained {TrainedAt:u}) in {Seconds:0.0} s.", store.ModelPath, model.Metadata.TrainedAt, watch.Elapsed.TotalSeconds);
            _modelNotSaved = null;
            return (_loader.Build(knowledgeBase, model), false);
        }

        _logger.LogInformation("Training the answer model ({Reason}).", reason);
        var outcome = _loader.Train(knowledgeBase, cache: cache);
        model = outcome.Model;
        try
        {
            watch.Restart();
            model = model with { Metadata = store.Save(model) };
            _modelNotSaved = null;
            _logger.LogInformation(
                "Trained the answer model on {Entries} entries in {Seconds:0.0} s ({Embedded} texts embedded); saved to {Path} in {SaveSeconds:0.0} s.",
                knowledgeBase.Entries.Count, model.Metadata.TrainingSeconds, model.Metadata.Embedded, store.ModelPath, watch.Elapsed.TotalSeconds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _modelNotSaved = $"The trained model could not be saved to {store.Directory} ({ex.Message}); it serves from memory and is trained again at the next start. Make Classifier:ModelDirectory writable.";
            _logger.LogWarning(
                "Trained the answer model on {Entries} entries in {Seconds:0.0} s but could not save it to {Directory}: {Problem} It serves from memory and is trained again at the next start; make Classifier:ModelDirectory writable.",
                knowledgeBase.Entries.Count, model.Metadata.TrainingSeconds, store.Directory, ex.Message);
        }

        // The trainer's index is the one a load would build: reused, not built again.
        return (_loader.Build(outcome.Index, model), true);
    }

    // One warning per page when it starts being skipped, not again on every reload while it stays broken.
    private void LogNewlySkipped(IReadOnlyList<SkippedPage> skipped)
    {
        foreach (var page in skipped.Except(_host.Status.SkippedPages))
        {
            _logger.LogWarning("Skipped a page of {Directory} that cannot be used; the other pages are served. {Page}", _articlesDirectory, page);
        }
    }

    private KnowledgeReloadResult Failed(string problem, bool logged = false)
    {
        if (!logged)
        {
            // One line that names the file and what to fix (a content problem, not a crash: no stack trace), once per problem.
            var repeated = _host.Status.LastError == problem;
            _logger.Log(
                repeated ? LogLevel.Debug : _host.IsReady ? LogLevel.Warning : LogLevel.Error,
                "The articles cannot be used; {What}. {Problem}",
                Keeping(),
                problem);
        }

        _host.Failed(problem, _time.GetUtcNow());
        return new KnowledgeReloadResult(false, NoChanges, problem);
    }

    private string Keeping() => _host.IsReady
        ? "the current model keeps serving"
        : "no model is serving, so the bot declines every question until the articles are fixed";

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        using var watcher = new ArticlesWatcher(_articlesDirectory, Signal, _logger);
        watcher.Rearm();
        _logger.LogInformation(
            "Watching {Directory} for article changes (debounce {Debounce}, poll {Poll}).", _articlesDirectory, _options.Debounce, _options.PollInterval);
        var polling = PollAsync(watcher, stoppingToken);

        // An article saved between the first load and the watch raised no event: one check catches it.
        Signal();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _signals.Reader.ReadAsync(stoppingToken).ConfigureAwait(false);
                await WaitForQuietAsync(stoppingToken).ConfigureAwait(false);

                // The folder at the path may be a new one (deleted and recreated, or swapped): watch that one.
                watcher.Rearm();
                var result = await ReloadNowAsync(stoppingToken).ConfigureAwait(false);
                Reloaded?.Invoke(result);
            }
        }
        finally
        {
            await polling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task PollAsync(ArticlesWatcher watcher, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            watcher.Poll();
        }
    }

    private void Signal() => _signals.Writer.TryWrite(true);

    // Editors save in several steps (temp file, rename, touch): wait until no change arrived for the debounce time.
    private async Task WaitForQuietAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(_options.Debounce, _time, quiet.Token);
            var more = _signals.Reader.WaitToReadAsync(quiet.Token).AsTask();
            var first = await Task.WhenAny(delay, more).ConfigureAwait(false);
            await quiet.CancelAsync().ConfigureAwait(false);
            if (first == delay)
            {
                await delay.ConfigureAwait(false);
                return;
            }

            _signals.Reader.TryRead(out _);
        }
    }
}
