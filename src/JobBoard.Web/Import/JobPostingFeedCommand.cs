using System.Data.Common;
using JobBoard.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace JobBoard.Web.Import;

/// <summary>
/// <c>import FILE</c>: loads a JSON feed of schema.org JobPosting objects as published postings. Entries it cannot take
/// are reported on stderr as "entry N: why" (N counts from 1) and skipped; a summary line goes to stdout. Exits 0 once
/// the file was read, 1 when it is missing or not JSON or the database fails, 2 on a wrong command line.
/// </summary>
public static class JobPostingFeedCommand
{
    public const string Usage = "usage: import FILE   (a JSON array of schema.org JobPosting objects, an object with @graph, or one JobPosting)";

    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken) =>
        RunAsync(services, args, Console.Out, Console.Error, cancellationToken);

    public static async Task<int> RunAsync(
        IServiceProvider services, string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Length != 1 || string.IsNullOrWhiteSpace(args[0]))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var path = args[0];
        JobPostingFeed feed;
        try
        {
            feed = await JobPostingFeed.ReadAsync(path, cancellationToken);
        }
        catch (FeedFileException ex)
        {
            await errors.WriteLineAsync(ex.Message);
            return 1;
        }

        using (feed)
        {
            await using var scope = services.CreateAsyncScope();
            var importer = new JobPostingFeedImporter(
                scope.ServiceProvider.GetRequiredService<JobBoardDbContext>(), services.GetRequiredService<TimeProvider>());
            try
            {
                var summary = await importer.ImportAsync(feed, Path.GetFileName(path), errors, cancellationToken);
                await output.WriteLineAsync(summary.ToString());
                return 0;
            }
            catch (Exception ex) when (ex is DbException or RetryLimitExceededException or TimeoutException)
            {
                // Batches saved before the failure stay; running the import again updates them rather than duplicating.
                await errors.WriteLineAsync($"import stopped: the database failed: {ex.Message}");
                return 1;
            }
        }
    }
}
