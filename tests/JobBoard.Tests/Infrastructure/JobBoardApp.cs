using JobBoard.Data;
using JobBoard.Web.Pages.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobBoard.Tests.Infrastructure;

/// <summary>
/// The app under test on its own PostgreSQL database, shared by every integration test of a run (one factory per
/// process: Serilog's bootstrap logger can be frozen only once). Tests reset the data with <see cref="ResetAsync"/>.
/// </summary>
public class JobBoardApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public string ConnectionString => _connectionString;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        _connectionString = await server.CreateDatabaseAsync("jobboard_test");
        // Starting the host applies the migrations.
        _ = Services;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:JobBoard", _connectionString);
        builder.UseSetting("DemoData:Load", "false");
        builder.UseSetting("Caching:HomeCountsSeconds", "0");
        // Small enough that a test fills it (RecommendationQualityTests), so an entry without a size fails a test.
        builder.UseSetting("Caching:Entries", "40");
        // The tests search far faster than a person; RateLimitTests turns the limit on for themselves.
        builder.UseSetting("RateLimiting:SearchesPerMinute", "0");
    }

    /// <summary>
    /// Empties every table but the migrations history, so each test class starts from a blank board, and forgets what
    /// the app cached about the old one (ids restart, so a cached category would point at another).
    /// </summary>
    public async Task ResetAsync()
    {
        (Services.GetRequiredService<IMemoryCache>() as MemoryCache)?.Clear();
        await Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(DetailsModel.CacheTag, CancellationToken.None);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') FROM pg_tables " +
            "WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'", connection);
        var tables = (string?)await list.ExecuteScalarAsync();
        if (!string.IsNullOrEmpty(tables))
        {
            await using var truncate = new NpgsqlCommand($"TRUNCATE {tables} RESTART IDENTITY CASCADE", connection);
            await truncate.ExecuteNonQueryAsync();
        }
    }

    public async Task ExecuteDbContextAsync(Func<JobBoardDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<JobBoardDbContext>());
    }

    public async Task<T> ExecuteDbContextAsync<T>(Func<JobBoardDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<JobBoardDbContext>());
    }

    public async Task InsertAsync(params object[] entities)
    {
        await ExecuteDbContextAsync(async db =>
        {
            db.AddRange(entities);
            await db.SaveChangesAsync();
        });
    }

    public Task<T?> FindAsync<T>(params object[] keys)
        where T : class => ExecuteDbContextAsync(db => db.FindAsync<T>(keys).AsTask());
}

[CollectionDefinition(Name)]
public sealed class WebTestsDefinition : ICollectionFixture<JobBoardApp>
{
    public const string Name = "web";
}
