using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FaqBot.Testing;

/// <summary>
/// A real PostgreSQL 15 server for one test run: <c>initdb</c> in a temporary folder, started with <c>pg_ctl</c> on
/// 127.0.0.1 and a free port (as the <c>postgres</c> user when the tests run as root, which PostgreSQL refuses to run as),
/// stopped and deleted at the end. Runs in parallel with another test run's: each has its own folder and port. Needs
/// Debian's <c>postgresql-15</c> (scripts/test.sh installs it); its binaries are found with <c>dpkg -L</c>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string User = "faqbot";

    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-pg-").FullName;
    private readonly bool _asPostgresUser = Environment.IsPrivilegedProcess;
    private string _bin = "";

    /// <summary>The port the server listens on (loopback only).</summary>
    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Creates an empty database and returns a connection string to it; each test class takes its own.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "faqbot_" + Guid.NewGuid().ToString("n");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        if (_asPostgresUser)
        {
            await RunAsync("chown", "postgres:postgres", _folder);
        }

        await RunPostgresToolAsync("initdb", "-D", DataFolder, "-U", User, "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions");

        // A port found free can be taken before the server binds it (another run, another test): then try the next.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                // fsync off: the tests check behaviour, not what survives a power cut, and it keeps commits fast.
                await RunPostgresToolAsync("pg_ctl", "start", "-w", "-t", "60", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"),
                    "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_folder} -c fsync=off -c max_connections=200");
                return;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
            }
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPostgresToolAsync("pg_ctl", "stop", "-w", "-D", DataFolder, "-m", "immediate");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Database = database }.ConnectionString;

    private Task RunPostgresToolAsync(string tool, params string[] args) =>
        _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await output}{await error}");
        }
    }

    // The server binaries are not on PATH on Debian; the package lists where it put them.
    private static string FindBinaries()
    {
        try
        {
            var start = new ProcessStartInfo("dpkg", "-L postgresql-15") { RedirectStandardOutput = true, UseShellExecute = false };
            using var dpkg = Process.Start(start)!;
            var pgCtl = dpkg.StandardOutput.ReadToEnd().Split('\n').FirstOrDefault(line => line.EndsWith("/bin/pg_ctl", StringComparison.Ordinal));
            dpkg.WaitForExit();
            if (pgCtl is not null && File.Exists(pgCtl))
            {
                return Path.GetDirectoryName(pgCtl)!;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No dpkg: not Debian.
        }

        throw new InvalidOperationException("PostgreSQL 15's server binaries were not found: install Debian's postgresql-15 (scripts/test.sh does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
