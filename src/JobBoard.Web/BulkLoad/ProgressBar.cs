using System.Diagnostics;
using System.Globalization;

namespace JobBoard.Web.BulkLoad;

/// <summary>
/// Shows a bulk load's progress on stderr: a bar redrawn in place on a terminal, otherwise (a log file, CI) one line per
/// tenth of the way, so logs stay readable.
/// </summary>
internal sealed class ProgressBar(BulkLoadProgress progress, TextWriter output, bool interactive)
{
    private const int BarWidth = 30;
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    private readonly long _started = Stopwatch.GetTimestamp();
    private int _tenthsShown;
    private int _lastWidth;

    public static ProgressBar ForStandardError(BulkLoadProgress progress) => new(progress, Console.Error, !Console.IsErrorRedirected);

    /// <summary>Draws until cancelled, then once more so the last state stays on screen.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(interactive ? 250 : 1000));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Draw();
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled means finished (or failed): fall through to the final drawing.
        }

        Draw();
        if (interactive)
        {
            output.WriteLine();
        }
    }

    private void Draw()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var fraction = Math.Clamp(progress.Fraction, 0, 1);
        if (interactive)
        {
            var filled = (int)Math.Round(fraction * BarWidth);
            var line = $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {Describe(fraction, elapsed)}";
            // Pad over the rest of a longer previous line instead of clearing it, which some terminals show as flicker.
            output.Write('\r' + line.PadRight(_lastWidth));
            _lastWidth = line.Length;
        }
        else
        {
            var tenths = (int)Math.Floor(fraction * 10);
            if (tenths > _tenthsShown)
            {
                _tenthsShown = tenths;
                output.WriteLine(Describe(fraction, elapsed));
            }
        }

        output.Flush();
    }

    private string Describe(double fraction, TimeSpan elapsed)
    {
        var written = progress.Written;
        var rate = elapsed.TotalSeconds > 0 ? written / elapsed.TotalSeconds : 0;
        var eta = fraction is > 0 and < 1 ? Clock(elapsed * ((1 - fraction) / fraction)) : "--:--";
        return string.Format(
            Numbers,
            "{0,3:0}% {1:N0}/{2:N0} postings written, {3:N0} indexed, {4:N0} postings/s, {5} elapsed, ETA {6} ({7})",
            fraction * 100, written, progress.Total, progress.Searchable, rate, Clock(elapsed), eta, progress.Phase);
    }

    private static string Clock(TimeSpan time) => time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss", Numbers) : time.ToString(@"m\:ss", Numbers);
}
