using System.Diagnostics;
using System.Text;

namespace JobBoard.Tests.Infrastructure;

/// <summary>
/// <c>./jobboard.sh</c> run against a database the test names (ConnectionStrings__JobBoard), never the private cluster,
/// with the app as the test run built it.
/// </summary>
public static class BoardScript
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "jobboard.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__JobBoard"] = connectionString;
        start.Environment["JOBBOARD_SKIP_BUILD"] = "1";
        start.Environment["JOBBOARD_CONFIGURATION"] = Configuration;
        // Whatever a command does by mistake with the private cluster, it does in a folder of its own.
        start.Environment["JOBBOARD_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "jobboard-script-no-cluster");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
