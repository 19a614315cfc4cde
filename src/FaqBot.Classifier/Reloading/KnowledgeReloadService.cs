using System.Diagnostics;
using System.Threading.Channels;
using FaqBot.Classifier.Answering;
using FaqBot.Knowledge;
using FaqBot.Knowledge.Extraction;
using FaqBot.Knowledge.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaqBot.Classifier.Reloading;

/// <summary>
/// Watches the articles folder and, once it has been quiet for the debounce time, re-extracts the articles and retrains
/// off to the side while the current model keeps answering, then swaps the new one in atomically and logs which entries
/// were added, removed or changed. A broken article keeps the current model serving and logs why.
/// </summary>
public sealed class KnowledgeReloadService : BackgroundService
{
    private static readonly KnowledgeChanges NoChanges = new([], [], []);

    private readonly Func<AnswerEngine> _engine;
    private readonly string _articlesDirectory;
    private readonly KnowledgeReloadOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reloading = new(1, 1);

    // One pending signal is enough: a reload always reads the whole folder.
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Creates the service; <paramref name="engine"/> is resolved on first use so start-up is not delayed by training.</summary>
    public KnowledgeReloadService(
        Func<AnswerEngine> engine, string articlesDirectory, KnowledgeReloadOptions options, TimeProvider time, ILogger<KnowledgeReloadService> logger)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(articlesDirectory);
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _articlesDirectory = Path.GetFullPath(articlesDirectory);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger;
    }

    /// <summary>Raised after every reload attempt triggered by the watcher (tests and diagnostics).</summary>
    public event Action<KnowledgeReloadResult>? Reloaded;

    /// <summary>Re-extracts the articles and, when they changed, trains and swaps in a new model.</summary>
    public async Task<KnowledgeReloadResult> ReloadNowAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var engine = _engine();
            KnowledgeBase next;
            try
            {
                next = KnowledgeExtractor.ExtractDirectory(_articlesDirectory);
            }
            catch (Exception ex) when (ex is ArticleFormatException or IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning("Articles changed but cannot be used; the current model keeps serving. {Problem}", ex.Message);
                return new KnowledgeReloadResult(false, NoChanges, ex.Message);
            }

            var changes = KnowledgeChanges.Between(engine.KnowledgeBase, next);
            if (changes.IsEmpty)
            {
                _logger.LogInformation("Checked the articles in {Directory}: no entry changed; the model stays.", _articlesDirectory);
                return new KnowledgeReloadResult(false, changes, null);
            }

            var watch = Stopwatch.StartNew();

            // Training is CPU-bound; the engine keeps serving the old answerer until Reload swaps the reference.
            var trained = await Task.Run(() => engine.Reload(next), cancellationToken).ConfigureAwait(false);
            _logger.LogInformation(
                "Reloaded the knowledge base from {Directory}: {Changes}; model {How} and swapped in after {Seconds:0.0} s.",
                _articlesDirectory, changes, trained ? "trained" : "loaded", watch.Elapsed.TotalSeconds);
            return new KnowledgeReloadResult(true, changes, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            _logger.LogError(ex, "Reloading the knowledge base failed; the current model keeps serving.");
            return new KnowledgeReloadResult(false, NoChanges, ex.Message);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        if (!Directory.Exists(_articlesDirectory))
        {
            _logger.LogWarning("Not watching {Directory} for article changes: the folder does not exist.", _articlesDirectory);
            return;
        }

        using var watcher = new FileSystemWatcher(_articlesDirectory, "*.md")
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        watcher.Changed += (_, _) => Signal();
        watcher.Created += (_, _) => Signal();
        watcher.Deleted += (_, _) => Signal();
        watcher.Renamed += (_, _) => Signal();

        // An overflowed watcher buffer means changes were missed: reload to be safe.
        watcher.Error += (_, _) => Signal();
        watcher.EnableRaisingEvents = true;
        _logger.LogInformation("Watching {Directory} for article changes (debounce {Debounce}).", _articlesDirectory, _options.Debounce);

        // The host starts this loop after the model was loaded, on another thread: an article saved in between raised no
        // event. One check now catches it; with nothing changed it only re-reads the articles and keeps the model.
        Signal();

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _signals.Reader.ReadAsync(stoppingToken).ConfigureAwait(false);
                await WaitForQuietAsync(stoppingToken).ConfigureAwait(false);
                var result = await ReloadNowAsync(stoppingToken).ConfigureAwait(false);
                Reloaded?.Invoke(result);
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

    private void Signal() => _signals.Writer.TryWrite(true);

    // Editors save in several steps (temp file, rename, touch): wait until no event arrived for the debounce time.
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
