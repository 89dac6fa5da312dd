using JobBoard.Data;
using JobBoard.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web;

/// <summary>
/// The board's one-off commands (<c>./jobboard.sh import FILE</c> and <c>./jobboard.sh migrate</c>; bulk loads are the
/// loader's, src/JobBoard.Loader): each runs against the configured database with the app's services, after the
/// database start-up, and exits with a status code instead of serving pages.
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "migrate";

    /// <summary>
    /// <c>migrate</c>: the start-up brings the schema up to date for it whatever Database:Migrate says, so that a
    /// deployment migrates once, by this command, and starts its instances with migrations off.
    /// </summary>
    public static bool IsMigrate(string[] args) => args is ["migrate", ..];

    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken) => args[0] switch
    {
        "import" => JobPostingFeedCommand.RunAsync(services, args[1..], cancellationToken),
        "migrate" => ReportMigratedAsync(services, args[1..], cancellationToken),
        _ => throw new ArgumentException($"Unknown command \"{args[0]}\".", nameof(args)),
    };

    /// <summary>What the start-up left: the database's last migration, once nothing is pending.</summary>
    private static async Task<int> ReportMigratedAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length > 0)
        {
            await Console.Error.WriteLineAsync("usage: migrate   (brings the configured database up to date; takes no arguments)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
        var pending = await SchemaDefinitions.PendingAsync(db, cancellationToken);
        if (pending.Count > 0)
        {
            await Console.Error.WriteLineAsync($"The database is still not up to date: {string.Join(", ", pending)}");
            return 1;
        }

        var last = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Last();
        Console.WriteLine($"The database is up to date: migration {last} and the definitions in Sql/.");
        return 0;
    }
}
