using System.Net;
using System.Net.Sockets;
using JobBoard.Data;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Data;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobBoard.Tests.Pages;

/// <summary>DESIGN.md §6: the database going away gives a friendly 503 and a failing readiness check, and the app
/// recovers by itself when it returns. The app talks to PostgreSQL through a TCP relay the test cuts and restores.</summary>
[Collection(WebTestsDefinition.Name)]
public sealed class DatabaseOutageTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task A_database_that_goes_away_gives_the_friendly_503_page_and_the_app_recovers_when_it_returns()
    {
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        await using var relay = TcpRelay.Start(database.Host!, database.Port);
        await using var relayed = ThroughRelay(relay);
        using var client = relayed.CreateClient();
        (await client.GetAsync(new Uri("/jobs?q=nurse", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        relay.Cut();

        var down = await client.GetAsync(new Uri("/jobs?q=nurse", UriKind.Relative));
        down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        down.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(DatabaseUnavailable.RetryAfterSeconds));
        var page = await down.Content.ReadAsStringAsync();
        page.Should().Contain("Temporarily unavailable").And.Contain("trouble reaching its database");
        page.Should().NotContainAny("Exception", "Npgsql", " at JobBoard.");
        (await client.GetAsync(new Uri("/jobs/1/any", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var api = await client.GetAsync(new Uri("/api/v1/jobs?q=nurse", UriKind.Relative));
        api.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await api.Content.ReadAsStringAsync()).Should().Contain("trouble reaching its database").And.NotContain("Npgsql");
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        relay.Restore();

        (await client.GetAsync(new Uri("/jobs?q=nurse", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_an_outage_an_instance_listens_again_for_other_instances_and_forgets_what_it_may_have_missed()
    {
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        await using var relay = TcpRelay.Start(database.Host!, database.Port);
        await using var relayed = ThroughRelay(relay);
        var caches = relayed.Services.GetRequiredService<PostingCaches>();
        await relayed.Services.GetRequiredService<PostingCacheListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var beforeTheOutage = caches.Token;

        relay.Cut();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var duringTheOutage = beforeTheOutage.HasChanged;
        relay.Restore();
        var forgotOnReturn = await EventuallyAsync(() => beforeTheOutage.HasChanged, TimeSpan.FromSeconds(15));
        var afterTheOutage = caches.Token;
        await NotifyAsOtherInstanceAsync();
        var heardAfterwards = await EventuallyAsync(() => afterTheOutage.HasChanged, TimeSpan.FromSeconds(5));

        duringTheOutage.Should().BeFalse("nothing was heard while the database was away");
        forgotOnReturn.Should().BeTrue("notifications sent during the outage were lost, so the instance forgets everything once it is back");
        heardAfterwards.Should().BeTrue("the instance listens again");
    }

    [Fact]
    public async Task Only_a_database_that_cannot_be_reached_counts_as_unavailable()
    {
        var refused = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Host = "127.0.0.1", Port = FreePort(), Timeout = 3 };
        await using var nowhere = new NpgsqlConnection(refused.ConnectionString);
        var cannotConnect = await Record.ExceptionAsync(() => nowhere.OpenAsync());
        DatabaseUnavailable.StatusCodeOf(cannotConnect!).Should().Be(503);
        DatabaseUnavailable.StatusCodeOf(new InvalidOperationException("wrapped", cannotConnect)).Should().Be(503);

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var wrong = new NpgsqlCommand("SELECT no_such_column FROM job_postings", connection);
        var bug = await Record.ExceptionAsync(() => wrong.ExecuteScalarAsync());
        bug.Should().BeOfType<PostgresException>();
        DatabaseUnavailable.StatusCodeOf(bug!).Should().Be(500);
        DatabaseUnavailable.StatusCodeOf(new InvalidOperationException("a bug")).Should().Be(500);
    }

    /// <summary>The app, talking to its database through <paramref name="relay"/> only.</summary>
    private WebApplicationFactory<Program> ThroughRelay(TcpRelay relay)
    {
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Host = "127.0.0.1", Port = relay.Port };
        return app.WithWebHostBuilder(builder => builder
            .UseSetting("ConnectionStrings:JobBoard", database.ConnectionString)
            .UseSetting("Database:Migrate", "false"));
    }

    private Task NotifyAsOtherInstanceAsync() =>
        TestSql.ExecuteAsync(app.ConnectionString, $"NOTIFY {PostingCaches.Channel}, 'another-instance'");

    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return condition();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Relays TCP connections on a local port to PostgreSQL; <see cref="Cut"/> closes the port and every
    /// connection through it, as a database going away does, and <see cref="Restore"/> opens the same port again.</summary>
    private sealed class TcpRelay : IAsyncDisposable
    {
        private readonly string _host;
        private readonly int _targetPort;
        private readonly List<TcpClient> _connections = [];
        private TcpListener? _listener;
        private CancellationTokenSource _running = new();

        private TcpRelay(string host, int targetPort, int port)
        {
            _host = host;
            _targetPort = targetPort;
            Port = port;
        }

        public int Port { get; }

        public static TcpRelay Start(string host, int targetPort)
        {
            var relay = new TcpRelay(host, targetPort, FreePort());
            relay.Restore();
            return relay;
        }

        public void Restore()
        {
            _running = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Start();
            _ = AcceptAsync(_listener, _running.Token);
        }

        public void Cut()
        {
            _running.Cancel();
            _listener?.Stop();
            lock (_connections)
            {
                _connections.ForEach(connection => connection.Dispose());
                _connections.Clear();
            }
        }

        public ValueTask DisposeAsync()
        {
            Cut();
            _running.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(cancellationToken);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                var server = new TcpClient();
                await server.ConnectAsync(_host, _targetPort, cancellationToken);
                lock (_connections)
                {
                    _connections.Add(client);
                    _connections.Add(server);
                }

                _ = PumpAsync(client.GetStream(), server.GetStream(), cancellationToken);
                _ = PumpAsync(server.GetStream(), client.GetStream(), cancellationToken);
            }
        }

        private static async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
        {
            try
            {
                await from.CopyToAsync(to, cancellationToken);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }
    }
}
