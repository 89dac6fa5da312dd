using JobBoard.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JobBoard.Web.Data;

/// <summary>Brings the database up to date when the app starts, and fills an empty board with demo data if asked to.</summary>
public sealed class DatabaseStartup(JobBoardDbContext db, DemoDataLoader demoData, IConfiguration configuration)
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

        if (configuration.GetValue("DemoData:Load", false))
        {
            await demoData.LoadIfEmptyAsync(configuration.GetValue("DemoData:SyntheticPostings", SyntheticBoard.DefaultCount), cancellationToken);
        }
    }
}
