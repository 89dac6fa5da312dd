using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace JobBoard.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of a test run: the one named by JOBBOARD_TEST_CONNECTION, or else a throwaway cluster
/// started from the machine's own binaries (initdb + pg_ctl) on a free port in a temporary folder, once per process.
/// </summary>
public sealed class PostgresServer
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;

    private PostgresServer(string adminConnectionString, string? dataDirectory, string? binDirectory)
    {
        AdminConnectionString = adminConnectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
    }

    /// <summary>Connects to the maintenance database, for creating and dropping test databases.</summary>
    public string AdminConnectionString { get; }

    public static async Task<PostgresServer> SharedAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.Stop();
            }

            return _shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("JOBBOARD_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PostgresServer(configured, null, null);
        }

        var bin = FindBinDirectory();
        var asRoot = Environment.UserName == "root";
        var data = Path.Combine(Path.GetTempPath(), $"jobboard-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(data);
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", data], asPostgres: false);
        }

        Run(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var port = FreePort();
        // Durability is worthless for a throwaway cluster; turning it off makes every test faster.
        Run(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "-o",
             $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"],
            asRoot);
        var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        var server = new PostgresServer(connection, data, bin);
        await server.WaitUntilReadyAsync();
        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Stop()
    {
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }

        try
        {
            Run(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "stop"], Environment.UserName == "root");
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // A leftover temp folder is not worth failing a finished test run for.
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL binaries not found under /usr/lib/postgresql: install them (apt-get install postgresql) or set JOBBOARD_TEST_CONNECTION.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}
