using System.Diagnostics;
using System.Net;
using System.Text;
using JobBoard.Tests.Infrastructure;
using Npgsql;

namespace JobBoard.Tests.Scripts;

/// <summary>
/// <c>./jobboard.sh</c> run, import, seed, finish-load, db and stop-db as a user runs them, each test on a private
/// cluster of its own (a temporary JOBBOARD_DATA_DIR on a free port, sized for 1 GB) and with the app and the loader as
/// the test run built them.
/// </summary>
public sealed class JobBoardScriptTests : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("jobboard-script-").FullName;
    private readonly int _postgresPort = PostgresServer.FreePort();
    private readonly List<Process> _started = [];

    private static string SampleFeed => Path.Combine(Repository.Root, "docs", "samples", "jobs-feed.json");

    private string ClusterFolder => Path.Combine(_dataDirectory, "postgres");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in _started.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
        }

        await RunAsync("stop-db");
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }

    [Fact]
    public async Task An_import_while_run_serves_leaves_the_board_serving_and_run_stops_the_cluster_it_started_when_it_ends()
    {
        var run = await StartRunAsync();

        var import = await RunAsync("import", SampleFeed);

        import.ExitCode.Should().Be(0, import.Output);
        import.Output.Should().Contain("Imported 14 postings");
        (await IsClusterRunningAsync()).Should().BeTrue("the import found the cluster running, so it leaves it running");
        var search = await run.Client.GetAsync("/jobs?q=%22Clinical+Pharmacist%22");
        search.StatusCode.Should().Be(HttpStatusCode.OK);
        (await search.Content.ReadAsStringAsync()).Should().Contain("Clinical Pharmacist", "the board serves on, with the imported postings");

        await InterruptAsync(run.Process);
        (await IsClusterRunningAsync()).Should().BeFalse("run started the cluster, so it stops it when it ends");
        File.Exists(Path.Combine(ClusterFolder, "postmaster.pid")).Should().BeFalse();
    }

    [Fact]
    public async Task A_TERM_sent_to_run_alone_stops_the_app_and_the_cluster_it_started()
    {
        var run = await StartRunAsync();

        using (var kill = Process.Start("kill", ["-TERM", $"{run.Process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(CommandTimeout);
        await run.Process.WaitForExitAsync(timeout.Token);
        var afterwards = async () => await run.Client.GetAsync("/health/live");
        await afterwards.Should().ThrowAsync<HttpRequestException>("the app stopped with the script, leaving nothing on its port");
        (await IsClusterRunningAsync()).Should().BeFalse("run started the cluster, so it stops it when it ends");
    }

    [Fact]
    public async Task Run_has_the_loader_fill_an_empty_board_with_the_demo_board_before_serving()
    {
        var run = await StartRunAsync();

        var search = await run.Client.GetStringAsync("/jobs?q=Oncology");
        search.Should().Contain("Key Account Manager -Oncology | Bucharest", "the seed ads are on the board run serves");
        Text(run.Output).Should().Contain("Demo accounts (password JobBoard-demo-2026):")
            .And.MatchRegex(@"recruiter@novartis\.example +Recruiter, owner of Novartis").And.MatchRegex(@"admin@jobboard\.example +Admin");
    }

    [Fact]
    public async Task Seed_runs_the_loader_with_plain_progress_in_a_log_and_finish_load_finds_nothing_left()
    {
        var seed = await RunAsync("seed", "--synthetic", "60");

        seed.ExitCode.Should().Be(0, seed.Output);
        seed.Output.Should().Contain("Loaded 60 postings");
        var progress = seed.Output.Split('\n').Where(line => line.Contains("written,", StringComparison.Ordinal)).ToList();
        progress.Should().NotBeEmpty().And.OnlyContain(line => !line.Contains('\u001b'), "a log gets Spectre's plain lines, no control characters");
        progress[^1].Should().StartWith("60/60 written, 60 indexed").And.EndWith("(done)");

        var finish = await RunAsync("finish-load");
        finish.ExitCode.Should().Be(0, finish.Output);
        finish.Output.Should().NotContain("Finished an interrupted bulk load", "the load restored what it put off itself");
    }

    [Fact]
    public async Task A_cluster_started_by_db_outlives_an_import_and_a_run_until_stop_db()
    {
        var db = await RunAsync("db");
        db.ExitCode.Should().Be(0, db.Output);
        db.Output.Should().Contain($"Host=127.0.0.1;Port={_postgresPort};Database=jobboard;Username=postgres");

        var import = await RunAsync("import", SampleFeed);
        import.ExitCode.Should().Be(0, import.Output);
        (await IsClusterRunningAsync()).Should().BeTrue("db started the cluster, not the import");

        var run = await StartRunAsync();
        (await run.Client.GetStringAsync("/jobs?q=%22Clinical+Pharmacist%22")).Should().Contain("Clinical Pharmacist");
        await InterruptAsync(run.Process);
        (await IsClusterRunningAsync()).Should().BeTrue("db started the cluster, not run");

        var stop = await RunAsync("stop-db");
        stop.ExitCode.Should().Be(0, stop.Output);
        (await IsClusterRunningAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task An_import_that_had_to_start_the_cluster_stops_it_when_it_ends()
    {
        var import = await RunAsync("import", SampleFeed);

        import.ExitCode.Should().Be(0, import.Output);
        import.Output.Should().Contain("Imported 14 postings");
        (await IsClusterRunningAsync()).Should().BeFalse();
        File.Exists(Path.Combine(ClusterFolder, "PG_VERSION")).Should().BeTrue("the cluster stays on disk for the next command");
    }

    [Fact]
    public async Task Every_start_sizes_the_cluster_for_its_memory_an_existing_cluster_too()
    {
        (await RunAsync("db")).ExitCode.Should().Be(0);
        (await SettingsAsync()).Should().Equal(("effective_cache_size", "512MB"), ("maintenance_work_mem", "64MB"), ("shared_buffers", "256MB"), ("work_mem", "4MB"));
        if (CanReserveHugePages())
        {
            SharedMemoryIsInHugePages().Should().BeTrue("the script reserves huge pages when it runs as root");
        }

        (await RunAsync("stop-db")).ExitCode.Should().Be(0);
        (await RunAsync(["db"], ("JOBBOARD_PG_MEMORY_MB", "4096"))).ExitCode.Should().Be(0);

        (await SettingsAsync()).Should().Equal(("effective_cache_size", "2GB"), ("maintenance_work_mem", "170MB"), ("shared_buffers", "1GB"), ("work_mem", "4MB"));
        File.ReadAllText(Path.Combine(ClusterFolder, "postgresql.conf")).Split('\n')
            .Count(line => line == "include_if_exists = 'jobboard.conf'").Should().Be(1, "the include is added once, however often the cluster starts");
    }

    [Fact]
    public async Task A_memory_size_that_is_not_a_number_of_megabytes_is_refused_before_a_cluster_is_made()
    {
        var db = await RunAsync(["db"], ("JOBBOARD_PG_MEMORY_MB", "2g"));

        db.ExitCode.Should().Be(2);
        db.Output.Should().Contain("JOBBOARD_PG_MEMORY_MB is a number of megabytes, not \"2g\"");
        Directory.Exists(ClusterFolder).Should().BeFalse();
    }

    [Theory]
    [InlineData(24576, "6144MB", "12288MB", "16MB", "1024MB")]
    [InlineData(65536, "8192MB", "32768MB", "42MB", "2048MB")]
    [InlineData(512, "128MB", "256MB", "4MB", "64MB")]
    public async Task Shared_buffers_take_a_quarter_of_the_memory_up_to_8_GB_and_the_rest_follows_it(
        int memoryMb, string sharedBuffers, string effectiveCacheSize, string workMem, string maintenanceWorkMem)
    {
        var script = await BashAsync($"source ./jobboard.sh && postgres_settings {memoryMb}");

        var settings = script.Output.Split('\n').Where(line => line.Contains(" = ", StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line.Split(" = ")).ToDictionary(parts => parts[0], parts => parts[1]);
        settings.Should().Contain(new Dictionary<string, string>
        {
            ["shared_buffers"] = sharedBuffers,
            ["effective_cache_size"] = effectiveCacheSize,
            ["work_mem"] = workMem,
            ["maintenance_work_mem"] = maintenanceWorkMem,
            ["huge_pages"] = "try",
            ["max_wal_size"] = "16GB",
        });
    }

    [Fact]
    public async Task The_memory_is_the_machines_unless_JOBBOARD_PG_MEMORY_MB_says_otherwise()
    {
        var machineMb = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;

        var detected = long.Parse((await BashAsync("source ./jobboard.sh && machine_memory_mb")).Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var overridden = await BashAsync("source ./jobboard.sh && machine_memory_mb", ("JOBBOARD_PG_MEMORY_MB", "3000"));

        detected.Should().BeInRange(1, machineMb, "a container's memory limit may be lower than the machine's RAM");
        overridden.Output.Trim().Should().Be("3000");
    }

    private async Task<(Process Process, HttpClient Client, StringBuilder Output)> StartRunAsync()
    {
        var webPort = PostgresServer.FreePort();
        var output = new StringBuilder();
        // No MailDev: each test's data directory would install it from npm again, and its fixed ports would collide.
        var process = Start(["run"], output, [("ASPNETCORE_URLS", $"http://127.0.0.1:{webPort}"), ("DemoData__SyntheticPostings", "0"), ("JOBBOARD_MAIL_CATCHER", "false")]);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}"), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + CommandTimeout;
        while (DateTime.UtcNow < deadline)
        {
            process.HasExited.Should().BeFalse($"run serves until it is stopped:\n{Text(output)}");
            try
            {
                if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    return (process, client, output);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"run did not serve within {CommandTimeout}:\n{Text(output)}");
    }

    /// <summary>Ctrl+C: SIGINT to the command's process group, the script, dotnet run and the app.</summary>
    private static async Task InterruptAsync(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", "--", $"-{process.Id}"]);
        await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
    }

    private Task<CommandResult> RunAsync(params string[] arguments) => ExecuteAsync(arguments, script: true, []);

    private Task<CommandResult> RunAsync(string[] arguments, params (string Name, string Value)[] environment) =>
        ExecuteAsync(arguments, script: true, environment);

    private Task<CommandResult> BashAsync(string commands, params (string Name, string Value)[] environment) =>
        ExecuteAsync(["-c", commands], script: false, environment);

    private async Task<CommandResult> ExecuteAsync(string[] arguments, bool script, (string Name, string Value)[] environment)
    {
        var output = new StringBuilder();
        var process = Start(arguments, output, environment, script);
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult(process.ExitCode, Text(output));
    }

    /// <summary>Starts <c>./jobboard.sh</c> (or bash itself) in a process group of its own, on this test's cluster, with Ctrl+C's default meaning.</summary>
    private Process Start(string[] arguments, StringBuilder output, (string Name, string Value)[] environment, bool script = true)
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Ctrl+C must reach the script even when the tests themselves were started in the background by a shell
        // without job control, which starts its children with SIGINT ignored (and they inherit that).
        start.ArgumentList.Add("env");
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("bash");
        if (script)
        {
            start.ArgumentList.Add(Path.Combine(Repository.Root, "jobboard.sh"));
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ConnectionStrings__JobBoard");
        start.Environment["JOBBOARD_DATA_DIR"] = _dataDirectory;
        start.Environment["JOBBOARD_PG_PORT"] = _postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["JOBBOARD_PG_MEMORY_MB"] = "1024";
        start.Environment["JOBBOARD_SKIP_BUILD"] = "1";
        start.Environment["JOBBOARD_CONFIGURATION"] = Configuration;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _started.Add(process);
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private async Task<bool> IsClusterRunningAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnection);
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private string AdminConnection => $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Database=postgres;Pooling=false;Timeout=5";

    private async Task<List<(string Name, string Value)>> SettingsAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT name, current_setting(name) FROM pg_settings WHERE name IN ('shared_buffers', 'effective_cache_size', 'work_mem', 'maintenance_work_mem') ORDER BY name",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var settings = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            settings.Add((reader.GetString(0), reader.GetString(1)));
        }

        return settings;
    }

    private static bool CanReserveHugePages() =>
        Environment.UserName == "root" && File.Exists("/proc/sys/vm/nr_hugepages") && RunsSuccessfully("test", "-w", "/proc/sys/vm/nr_hugepages");

    /// <summary>Whether the postmaster maps a mapping in 2 MB pages (its shared memory, the only such mapping).</summary>
    private bool SharedMemoryIsInHugePages()
    {
        var postmaster = File.ReadLines(Path.Combine(ClusterFolder, "postmaster.pid")).First();
        return File.ReadLines($"/proc/{postmaster}/smaps").Any(line =>
            line.StartsWith("KernelPageSize:", StringComparison.Ordinal) && !line.EndsWith(" 4 kB", StringComparison.Ordinal));
    }

    private static bool RunsSuccessfully(string file, params string[] arguments)
    {
        using var process = Process.Start(file, arguments);
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private sealed record CommandResult(int ExitCode, string Output);
}
