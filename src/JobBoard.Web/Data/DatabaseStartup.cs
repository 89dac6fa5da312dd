using JobBoard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace JobBoard.Web.Data;

/// <summary>
/// Brings the database up to date when the app starts. Demo data and bulk loads are the loader's (src/JobBoard.Loader,
/// which <c>./jobboard.sh run</c> calls before serving).
/// </summary>
public sealed partial class DatabaseStartup(JobBoardDbContext db, IConfiguration configuration, ILogger<DatabaseStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:Migrate", true))
        {
            // Creating the history table first spares a fresh database the provider's logged "relation does not
            // exist" error, which is harmless but reads like a failure (npgsql/efcore.pg#3407).
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        // A bulk load killed half way leaves indexes dropped and autovacuum paused. Finishing it is the loader's job (it
        // runs the index definitions it recorded); the app only says so, and serves meanwhile, slower.
        if (await UnfinishedLoadStepsAsync(cancellationToken) is > 0 and var steps)
        {
            LogUnfinishedLoad(logger, steps);
        }
    }

    private async Task<long> UnfinishedLoadStepsAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM bulk_load_deferred", connection);
            return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "A bulk load was interrupted and left {Steps} index builds and autovacuum resets undone, so searches may be slow: " +
        "finish it with ./jobboard.sh finish-load (or the loader's finish command, JobBoard.Loader finish)")]
    private static partial void LogUnfinishedLoad(ILogger logger, long steps);
}
