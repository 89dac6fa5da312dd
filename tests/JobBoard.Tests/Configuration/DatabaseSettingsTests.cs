using JobBoard.Data;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobBoard.Tests.Configuration;

/// <summary>The "Database" section's connection settings, as they reach the app's connections.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class DatabaseSettingsTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task By_default_connections_prepare_statements_are_handed_out_without_a_reset_and_run_without_jit()
    {
        var (connection, jit) = await ConnectionOfAsync(app);

        connection.MaxAutoPrepare.Should().Be(100);
        connection.NoResetOnClose.Should().BeTrue();
        jit.Should().Be("off");
    }

    [Fact]
    public async Task Settings_in_configuration_replace_the_defaults()
    {
        await using var configured = app.WithWebHostBuilder(builder => builder
            .UseSetting("Database:Migrate", "false")
            .UseSetting("Database:MaxAutoPrepare", "20")
            .UseSetting("Database:NoResetOnClose", "false")
            .UseSetting("Database:Jit", "true"));

        var (connection, jit) = await ConnectionOfAsync(configured);

        connection.MaxAutoPrepare.Should().Be(20);
        connection.NoResetOnClose.Should().BeFalse();
        connection.Options.Should().BeNullOrEmpty("with Jit true the server's own setting stands");
        jit.Should().Be("on", "PostgreSQL's default");
    }

    [Fact]
    public async Task What_the_connection_string_sets_itself_wins_over_configuration()
    {
        var own = new NpgsqlConnectionStringBuilder(app.ConnectionString) { MaxAutoPrepare = 5, NoResetOnClose = false, Options = "-c jit=on" };
        await using var configured = app.WithWebHostBuilder(builder => builder
            .UseSetting("Database:Migrate", "false")
            .UseSetting("ConnectionStrings:JobBoard", own.ConnectionString)
            .UseSetting("Database:MaxAutoPrepare", "20"));

        var (connection, jit) = await ConnectionOfAsync(configured);

        connection.MaxAutoPrepare.Should().Be(5);
        connection.NoResetOnClose.Should().BeFalse();
        connection.Options.Should().Be("-c jit=on");
        jit.Should().Be("on");
    }

    [Fact]
    public async Task A_setting_written_in_the_connection_string_counts_however_it_is_spelt_and_even_when_it_is_the_default()
    {
        await using var configured = app.WithWebHostBuilder(builder => builder
            .UseSetting("Database:Migrate", "false")
            .UseSetting("ConnectionStrings:JobBoard", $"{app.ConnectionString};maxautoprepare=0;NO RESET ON CLOSE=False"));

        var (connection, _) = await ConnectionOfAsync(configured);

        connection.MaxAutoPrepare.Should().Be(0);
        connection.NoResetOnClose.Should().BeFalse();
    }

    /// <summary>The connection string the app's DbContext was given, and what the server says of jit on one of its connections.</summary>
    private static async Task<(NpgsqlConnectionStringBuilder Connection, string? Jit)> ConnectionOfAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobBoardDbContext>();
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var show = db.Database.GetDbConnection().CreateCommand();
            show.CommandText = "SHOW jit";
            return (connection, (string?)await show.ExecuteScalarAsync());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
