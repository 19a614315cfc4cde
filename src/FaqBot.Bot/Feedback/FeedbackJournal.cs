using System.Buffers;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// One process's append-only file of feedback rows not yet known to be committed to the database, one JSON line each,
/// beside the database (<c>feedback.db.pending-{id}</c>). Appending a line is one <c>write()</c>: once it returns the row
/// is in the OS page cache and survives the process being killed, so a turn can be told its row is stored without
/// waiting for a SQLite commit. The process keeps the file open for its life, which refuses an exclusive opener (a shared
/// <c>flock</c> on Unix, the handle's sharing mode on Windows): a journal that a replay can open exclusively belongs to a
/// process that died, and is stored into the database by the next store or <c>review</c> (<see cref="FeedbackJournalReplay"/>).
/// </summary>
internal sealed class FeedbackJournal : IDisposable
{
    /// <summary>What every journal's file name starts with, after the database's file name.</summary>
    internal const string Infix = ".pending-";

    // A journal is created under this suffix and renamed once locked, so a replay never takes a file whose owner has
    // created it but not locked it yet; a replay skips these names.
    internal const string CreatingSuffix = ".new";

    // Once the database has caught up with every line, a file this long is cut back to empty.
    private const long TruncateAt = 1 << 20;

    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private readonly Utf8JsonWriter _json;
    private readonly SafeFileHandle _file;
    private long _length;
    private long _appended;
    private long _committed;
    private bool _closed;

    private FeedbackJournal(string path, SafeFileHandle file)
    {
        Path = path;
        Name = System.IO.Path.GetFileName(path);
        _file = file;
        _json = new Utf8JsonWriter(_line);
    }

    /// <summary>The journal's full path.</summary>
    public string Path { get; }

    /// <summary>The journal's file name: the key of its progress row in the database.</summary>
    public string Name { get; }

    /// <summary>Creates and locks a new journal beside <paramref name="databasePath"/> (creating the folder).</summary>
    public static FeedbackJournal Create(string databasePath)
    {
        var path = databasePath + Infix + Guid.NewGuid().ToString("n");
        var creating = path + CreatingSuffix;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(databasePath)!);
            // FileShare.Delete lets this process rename and delete the file it holds (Windows needs it). On Unix any share
            // but None takes a shared flock, which still refuses a replay's exclusive one (FileShare.None).
            var file = File.OpenHandle(creating, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete);
            try
            {
                // A rename keeps the open handle and its lock: the journal is never visible under its name unlocked.
                File.Move(creating, path);
                return new FeedbackJournal(path, file);
            }
            catch
            {
                file.Dispose();
                File.Delete(creating);
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot create the feedback journal beside '{databasePath}': {ex.Message} Check Bot:DataDirectory points at a writable folder.", ex);
        }
    }

    /// <summary>
    /// True when another opener is refused, as a replay would be. False where file locking is off
    /// (<c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>, or a file system without <c>flock</c>): a replay could then take a
    /// live journal, so the store must not rely on one.
    /// </summary>
    public bool IsHeldExclusively()
    {
        try
        {
            using (File.OpenHandle(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                return false;
            }
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>
    /// Appends <paramref name="row"/> as one line with the next sequence number, and returns that number once the line is
    /// written. A failed write throws and leaves no line the replay would take for a row.
    /// </summary>
    public long Append(StoredFeedbackRow row)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            var sequence = _appended + 1;
            _line.ResetWrittenCount();
            _json.Reset();
            row.WriteJson(_json, sequence);
            _json.Flush();
            _line.Write("\n"u8);

            // One positional write at the end; a failure part-way leaves _length where it was, so the next line
            // overwrites the fragment, and a fragment left at the end has no newline and is ignored by the replay.
            RandomAccess.Write(_file, _line.WrittenSpan, _length);
            _length += _line.WrittenCount;
            _appended = sequence;
            return sequence;
        }
    }

    /// <summary>
    /// Records that the database holds every line up to <paramref name="sequence"/>. When that is every line appended and
    /// the file has grown long, it is cut back to empty: the database's progress row already covers what it held.
    /// </summary>
    public void MarkCommitted(long sequence)
    {
        lock (_gate)
        {
            _committed = Math.Max(_committed, sequence);
            if (!_closed && _committed == _appended && _length >= TruncateAt)
            {
                RandomAccess.SetLength(_file, 0);
                _length = 0;
            }
        }
    }

    /// <summary>True when the database holds every line appended so far.</summary>
    public bool IsCaughtUp
    {
        get
        {
            lock (_gate)
            {
                return _committed == _appended;
            }
        }
    }

    /// <summary>
    /// Deletes the file, then releases it: the last step of a clean shutdown, once the database holds every line.
    /// Deleting before releasing means no replay can take the file in between. False when the file could not be
    /// deleted; it is released all the same, and its progress row must then be kept.
    /// </summary>
    public bool Delete()
    {
        lock (_gate)
        {
            try
            {
                File.Delete(Path);
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
            finally
            {
                Close();
            }
        }
    }

    /// <summary>Releases the file without deleting it: a replay takes what it holds.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            Close();
        }
    }

    private void Close()
    {
        if (!_closed)
        {
            _closed = true;
            _json.Dispose();
            _file.Dispose();
        }
    }
}
