using System.Globalization;
using System.Runtime.InteropServices;

namespace JobBoard.Loader.BulkLoad;

/// <summary>
/// <c>seed --synthetic N [--seed S] [--places P] [--streams K]</c>: generates N realistic postings and bulk-loads them
/// with binary COPY (see <see cref="SyntheticBoardBulkLoader"/>), showing progress on stderr (<see cref="ProgressDisplay"/>)
/// and ending with one summary line on stdout. Running it again adds N more.
/// </summary>
public static class SyntheticBulkLoadCommand
{
    public const string Usage = "usage: seed --synthetic N [--seed S] [--places P] [--streams K]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        if (!TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"{error}\n{Usage}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var loader = ActivatorUtilities.CreateInstance<SyntheticBoardBulkLoader>(scope.ServiceProvider);
        var progress = new BulkLoadProgress();

        // Ctrl+C or a TERM signal stops the load between batches rather than killing the process, so the loader can put
        // back any index it dropped.
        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        try
        {
            var load = loader.LoadAsync(options, progress, stopped.Token);
            var result = await ProgressDisplay.ShowAsync(ProgressDisplay.StandardError(), progress, load);
            Console.WriteLine(Summary(result));
            return 0;
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"seed stopped after {progress.Written:N0} postings were committed (each committed batch is complete).");
            return 130;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync(
                $"seed failed after {progress.Written:N0} postings were committed (each committed batch is complete): {ex}");
            return 1;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.Cancel();
        }
    }

    public static string Summary(BulkLoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var seconds = result.Elapsed.TotalSeconds;
        return string.Format(
            CultureInfo.InvariantCulture,
            "Loaded {0:N0} postings (ids {1}–{2}) over {3:N0} places: {4:N0} locations, {5:N0} categories, {6:N0} skills, " +
            "{7:N0} status changes; {8:N0} published and searchable. {9:F1} s, {10:N0} postings/s.",
            result.Postings, result.FirstPostingId, result.LastPostingId, result.Places, result.Locations, result.Categories, result.Skills,
            result.StatusChanges, result.Published, seconds, seconds > 0 ? result.Postings / seconds : 0);
    }

    public static bool TryParse(string[] args, out BulkLoadOptions options, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new BulkLoadOptions { Count = 0 };
        error = string.Empty;
        int? count = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                error = $"{name} needs a whole number after it.";
                return false;
            }

            i++;
            switch (name)
            {
                case "--synthetic" when value > 0:
                    count = value;
                    break;
                case "--seed":
                    options = options with { Seed = value };
                    break;
                case "--places" when value > 0:
                    options = options with { Places = value };
                    break;
                case "--streams" when value is >= 1 and <= BulkLoadOptions.MaxStreams:
                    options = options with { CopyStreams = value, SearchStreams = value };
                    break;
                case "--synthetic" or "--places" or "--streams":
                    error = $"{name} {value} is out of range.";
                    return false;
                default:
                    error = $"Unknown option {name}.";
                    return false;
            }
        }

        if (count is not { } postings)
        {
            error = "Say how many postings to generate with --synthetic N.";
            return false;
        }

        options = options with { Count = postings };
        return true;
    }
}
