using JobBoard.Data;
using JobBoard.Loader.BulkLoad;
using JobBoard.Loader.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace JobBoard.Loader;

/// <summary>
/// The loader's commands (<c>./jobboard.sh seed</c>, <c>./jobboard.sh finish-load</c>, and <c>demo</c>, which
/// <c>./jobboard.sh run</c> calls before serving). Each brings the schema up to date first, as the app does when it
/// starts, and finishes what an interrupted bulk load left undone.
/// </summary>
public static class LoaderCommands
{
    public const string Usage =
        "usage: JobBoard.Loader seed --synthetic N [--seed S] [--places P] [--streams K] | demo [--synthetic N] [--accounts] | finish";

    public const string DemoUsage = "usage: demo [--synthetic N] [--accounts]";

    public static bool IsCommand(string[] args) => args is ["seed", ..] or ["demo", ..] or ["finish"];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
            if (scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Database:Migrate", true))
            {
                // As the app's start-up does: the migrations, then the Sql/ definitions (triggers, views, derived tables).
                await SchemaDefinitions.UpgradeAsync(db, cancellationToken);
            }
        }

        return args[0] switch
        {
            // The load itself finishes an interrupted one first, under its lock.
            "seed" => await SyntheticBulkLoadCommand.RunAsync(services, args[1..], cancellationToken),
            "demo" => await DemoAsync(services, args[1..], cancellationToken),
            "finish" => await FinishAsync(services, cancellationToken),
            _ => throw new ArgumentException($"Unknown command \"{args[0]}\".", nameof(args)),
        };
    }

    /// <summary>
    /// <c>demo [--synthetic N]</c>: the demo board (the seed ads, their recommended jobs and N synthetic postings, by default
    /// DemoData:SyntheticPostings or <see cref="SyntheticBoard.DefaultCount"/>) when the board is empty; nothing otherwise.
    /// <c>--accounts</c> also makes the demo accounts (<see cref="DemoAccounts"/>) unless they exist.
    /// </summary>
    private static async Task<int> DemoAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var synthetic = services.GetRequiredService<IConfiguration>().GetValue("DemoData:SyntheticPostings", SyntheticBoard.DefaultCount);
        var accounts = args.Contains("--accounts");
        args = [.. args.Where(a => a != "--accounts")];
        if (args is ["--synthetic", var count])
        {
            if (!int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out synthetic))
            {
                await Console.Error.WriteLineAsync($"--synthetic needs a whole number after it.\n{DemoUsage}");
                return 2;
            }
        }
        else if (args.Length > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown option {args[0]}.\n{DemoUsage}");
            return 2;
        }

        await FinishAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var added = await ActivatorUtilities.CreateInstance<DemoDataLoader>(scope.ServiceProvider).LoadIfEmptyAsync(synthetic, cancellationToken);
        Console.WriteLine(added > 0 ? $"Loaded the demo board: {added:N0} postings." : "The board already has data: no demo data loaded.");
        if (accounts)
        {
            var lines = await ActivatorUtilities.CreateInstance<DemoAccounts>(scope.ServiceProvider).EnsureAsync(cancellationToken);
            Console.WriteLine($"Demo accounts (password {DemoAccounts.Password}):");
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }
        }

        return 0;
    }

    /// <summary><c>finish</c>: builds the indexes and resumes the autovacuum that a bulk load killed half way had put off.</summary>
    private static async Task<int> FinishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>().Database.GetConnectionString()!;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var finished = await DeferredMaintenance.ResumeInterruptedAsync(dataSource, cancellationToken);
        if (finished is null)
        {
            await Console.Error.WriteLineAsync("A bulk load is running: it restores what it put off when it ends.");
        }
        else if (finished > 0)
        {
            await Console.Error.WriteLineAsync($"Finished an interrupted bulk load: {finished} index builds and autovacuum resets.");
        }

        return 0;
    }
}
