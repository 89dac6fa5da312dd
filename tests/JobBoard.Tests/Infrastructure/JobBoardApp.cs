using JobBoard.Data;
using JobBoard.Web.Listings;
using JobBoard.Web.Pages.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace JobBoard.Tests.Infrastructure;

/// <summary>
/// The app under test on its own PostgreSQL database, shared by every integration test of a run (one factory per
/// process: Serilog's bootstrap logger can be frozen only once). Tests derive from <see cref="WebTest"/>, which resets
/// the data and the clock before each test.
/// </summary>
public class JobBoardApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public string ConnectionString => _connectionString;

    /// <summary>
    /// The app's clock, in place of the system's: it stands at <see cref="TestPostings.Now"/> until a test moves it, so
    /// "today", closing dates and rate-limit refills do not depend on when the tests run.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(TestPostings.Now);

    /// <summary>The SMTP server the app sends its mail to; <see cref="ResetAsync"/> empties it.</summary>
    public MailCatcher Mail { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Mail = await MailCatcher.SharedAsync();
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
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Caching:HomeCountsSeconds", "0");
        // Small enough that a test fills it (RecommendationQualityTests), so an entry without a size fails a test.
        builder.UseSetting("Caching:Entries", "40");
        // The tests search far faster than a person; RateLimitTests turns the limit on for themselves.
        builder.UseSetting("RateLimiting:SearchesPerMinute", "0");
        builder.UseSetting("RateLimiting:ReportsPerHour", "0");
        builder.UseSetting("RateLimiting:AppliesPerMinute", "0");
        // PostingExpiryTests run the expiry themselves; a timer would race the other tests' postings.
        builder.UseSetting("Expiry:EveryMinutes", "0");
        // Views and apply clicks are written when a test calls PostingActivity.FlushAsync.
        builder.UseSetting("Activity:FlushSeconds", "0");
        builder.UseSetting("RateLimiting:AccountPostsPerMinute", "0");
        // Alert tests run the sender themselves (AlertSender.SendDueAsync) and turn the form's limit on where they test it.
        builder.UseSetting("Alerts:EverySeconds", "0");
        builder.UseSetting("RateLimiting:AlertPostsPerHour", "0");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>
    /// Empties every table but the migrations history, the record of applied definitions (schema_definitions), the
    /// three roles (part of the schema) and the Data Protection keys (the app holds them in memory too), so each test
    /// starts from a blank board, forgets what the app cached about the old one (ids restart, so a cached category would
    /// point at another) and sets the clock back to <see cref="TestPostings.Now"/>.
    /// </summary>
    public async Task ResetAsync()
    {
        // AdjustTime, unlike SetUtcNow, may go back: a test before this one may have moved the clock on.
        Clock.AdjustTime(TestPostings.Now);
        Mail.Clear();
        (Services.GetRequiredService<IMemoryCache>() as MemoryCache)?.Clear();
        await Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(DetailsModel.CacheTag, CancellationToken.None);
        // Views and apply clicks a test counted but never flushed are written now, into tables emptied next: left in
        // memory, they would land on the next test's postings, which reuse the ids.
        await Services.GetRequiredService<PostingActivity>().FlushAsync(CancellationToken.None);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') FROM pg_tables " +
            "WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', 'schema_definitions', 'roles', 'data_protection_keys')", connection);
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
