using System.Diagnostics;

namespace FaqBot.Web.Tests.Support;

/// <summary>
/// Makes an existing folder one the host cannot write to, as an operator's read-only volume would be: <c>chmod 555</c>,
/// or, when the tests run as root (where permission bits do not stop writes), the immutable attribute (<c>chattr +i</c>).
/// Each is checked by trying to create a file. Dispose makes the folder writable again so it can be deleted.
/// </summary>
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly string _path;
    private readonly UnixFileMode _mode;
    private readonly bool _immutable;

    private ReadOnlyFolder(string path, UnixFileMode mode, bool immutable, string how)
    {
        _path = path;
        _mode = mode;
        _immutable = immutable;
        How = how;
    }

    /// <summary>How the folder was made read-only, for the test's failure messages.</summary>
    public string How { get; }

    /// <summary>
    /// Makes <paramref name="path"/> read-only, or returns null when neither way stops this process writing to it (root
    /// on a file system without the immutable attribute, or Windows): the caller then uses a path under a regular file instead.
    /// </summary>
    public static ReadOnlyFolder? TryLock(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (!CanWrite(path))
        {
            return new ReadOnlyFolder(path, mode, immutable: false, "chmod 555");
        }

        File.SetUnixFileMode(path, mode);
        if (Chattr("+i", path) && !CanWrite(path))
        {
            return new ReadOnlyFolder(path, mode, immutable: true, "chattr +i (running as root)");
        }

        Chattr("-i", path);
        return null;
    }

    public void Dispose()
    {
        if (_immutable)
        {
            Chattr("-i", _path);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_path, _mode);
        }
    }

    private static bool CanWrite(string path)
    {
        var probe = Path.Combine(path, $".probe-{Guid.NewGuid():n}");
        try
        {
            File.WriteAllText(probe, "x");
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool Chattr(string flag, string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, path])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
