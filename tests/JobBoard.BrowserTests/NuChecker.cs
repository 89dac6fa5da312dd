using System.Diagnostics;
using System.Text.Json;

namespace JobBoard.BrowserTests;

/// <summary>
/// The W3C Nu HTML checker (the npm package vnu-jar, which ./jobboard.sh test installs and points JOBBOARD_VNU_JAR at),
/// run once over many files: one JVM start for the whole catalogue, not one per page.
/// </summary>
public static class NuChecker
{
    public sealed record Message(string File, int Line, string Text, string Extract);

    /// <summary>The errors (not warnings or info) the checker reports in <paramref name="files"/>.</summary>
    public static async Task<IReadOnlyList<Message>> ErrorsAsync(IEnumerable<string> files)
    {
        var jar = Environment.GetEnvironmentVariable("JOBBOARD_VNU_JAR");
        if (string.IsNullOrEmpty(jar) || !File.Exists(jar))
        {
            throw new InvalidOperationException(
                $"No Nu checker at JOBBOARD_VNU_JAR=\"{jar}\": ./jobboard.sh test installs it (vnu-jar from npm, Java from Debian), "
                + "or set JOBBOARD_VNU_JAR to a vnu.jar.");
        }

        var start = new ProcessStartInfo("java")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-Xss8m", "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var report = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        if (process.ExitCode != 0 || !report.TrimStart().StartsWith('{'))
        {
            throw new InvalidOperationException($"The Nu checker failed (exit {process.ExitCode}): {report}");
        }

        using var json = JsonDocument.Parse(report);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => new Message(
                m.TryGetProperty("url", out var url) ? LocalPath(url.GetString()!) : "",
                m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                m.GetProperty("message").GetString() ?? "",
                m.TryGetProperty("extract", out var extract) ? extract.GetString()!.ReplaceLineEndings(" ").Trim() : ""))
            .ToList();
    }

    // The checker names a file "file:/work/…/page.html", which System.Uri does not take.
    private static string LocalPath(string url) =>
        Path.GetFullPath(Uri.UnescapeDataString(url.StartsWith("file:", StringComparison.Ordinal) ? "/" + url["file:".Length..].TrimStart('/') : url));
}
