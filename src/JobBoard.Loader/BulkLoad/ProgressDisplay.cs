using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// Shows a bulk load's progress on stderr with Spectre.Console: a live bar on a terminal; elsewhere (a log file, CI)
/// Spectre's plain fallback, one line at each milestone (25%, 50%, 75%, 95%…), with no control characters, and the
/// final state.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    /// <summary>Standard error, interactive and in colour only when it is a terminal: stdout keeps the summary alone.</summary>
    public static IAnsiConsole StandardError() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = Console.IsErrorRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Detect,
    });

    /// <summary>Shows <paramref name="progress"/> until <paramref name="load"/> ends, then returns its result (or throws its failure).</summary>
    public static async Task<T> ShowAsync<T>(IAnsiConsole console, BulkLoadProgress progress, Task<T> load)
    {
        var started = Stopwatch.GetTimestamp();
        await console.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(progress, started), maxValue: 1);
                while (true)
                {
                    task.Value = Math.Clamp(progress.Fraction, 0, 1);
                    task.Description = Describe(progress, started);
                    if (load.IsCompleted)
                    {
                        break;
                    }

                    await Task.WhenAny(load, Task.Delay(Refresh));
                }
            });
        if (!console.Profile.Capabilities.Interactive)
        {
            // Spectre's fallback stops at its last milestone below 100%: a log gets the final state too.
            console.WriteLine(Describe(progress, started));
        }

        return await load;
    }

    /// <summary>"81,000/200,000 written, 79,000 indexed, 5,702 postings/s (loading)", escaped for Spectre's markup.</summary>
    public static string Describe(BulkLoadProgress progress, long started)
    {
        var written = progress.Written;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var text = string.Format(
            CultureInfo.InvariantCulture,
            "{0:N0}/{1:N0} written, {2:N0} indexed, {3:N0} postings/s ({4})",
            written, progress.Total, progress.Searchable, seconds > 0 ? written / seconds : 0, progress.Phase);
        return Markup.Escape(text);
    }
}
