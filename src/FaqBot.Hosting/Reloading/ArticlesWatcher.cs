using Microsoft.Extensions.Logging;

namespace FaqBot.Hosting.Reloading;

/// <summary>
/// Tells when the articles folder may have changed: file events for a quick reaction, and a poll of the folder's
/// listing (paths, sizes, times, and where a symlinked folder points) for what events miss, since a watch dies with
/// the folder it was set on when that folder is deleted, recreated or swapped.
/// </summary>
internal sealed class ArticlesWatcher : IDisposable
{
    private readonly string _directory;
    private readonly Action _changed;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private FileSystemWatcher? _watcher;
    private long _lastListing;

    public ArticlesWatcher(string directory, Action changed, ILogger logger)
    {
        _directory = directory;
        _changed = changed;
        _logger = logger;
        _lastListing = Listing(directory);
    }

    /// <summary>Watches the folder that is at the path now (a new one after a delete or a swap); none while it is missing.</summary>
    public void Rearm()
    {
        lock (_lock)
        {
            _watcher?.Dispose();
            _watcher = null;
            if (!Directory.Exists(_directory))
            {
                return;
            }

            try
            {
                var watcher = new FileSystemWatcher(_directory, "*.md")
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
                };
                watcher.Changed += (_, _) => _changed();
                watcher.Created += (_, _) => _changed();
                watcher.Deleted += (_, _) => _changed();
                watcher.Renamed += (_, _) => _changed();

                // An overflowed buffer or a vanished folder: changes were missed, so check.
                watcher.Error += (_, _) => _changed();
                watcher.EnableRaisingEvents = true;
                _watcher = watcher;
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Gone again between the check and the watch, or out of inotify watches: the poll still sees changes.
                _logger.LogWarning("Cannot watch {Directory} for file events ({Problem}); polling it instead.", _directory, ex.Message);
            }
        }
    }

    /// <summary>Compares the folder with the last poll and reports a difference.</summary>
    public void Poll()
    {
        var listing = Listing(_directory);
        if (Interlocked.Exchange(ref _lastListing, listing) != listing)
        {
            _changed();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    // A digest of what a reload would read; equal digests mean nothing worth a reload happened.
    private static long Listing(string directory)
    {
        try
        {
            var folder = new DirectoryInfo(directory);
            if (!folder.Exists)
            {
                return 0;
            }

            var digest = new HashCode();
            digest.Add(folder.ResolveLinkTarget(returnFinalTarget: true)?.FullName, StringComparer.Ordinal);
            foreach (var file in folder.EnumerateFiles("*.md", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                digest.Add(file.FullName, StringComparer.Ordinal);
                digest.Add(file.Length);
                digest.Add(file.LastWriteTimeUtc.Ticks);
            }

            return (uint)digest.ToHashCode() | 1L << 32;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Changing under our feet: report a value no stable listing has, so the next stable one differs from it.
            return -1;
        }
    }
}
