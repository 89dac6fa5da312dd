using Npgsql;

namespace JobBoard.Web.Listings;

/// <summary>
/// Keeps one connection listening on <see cref="PostingCaches.Channel"/> and forgets this instance's cached posting
/// pages when another instance changed a posting. If the connection drops (the database restarts, a fail-over), it
/// reconnects and forgets everything once, since notifications sent meanwhile were lost.
/// </summary>
public sealed partial class PostingCacheListener(PostingCacheChannel channel, PostingCaches caches, ILogger<PostingCacheListener> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before writing through another instance).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromSeconds(1);
        var missedSome = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await channel.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (notification.Payload != caches.InstanceId)
                    {
                        // Runs on the connection's reading loop: the eviction itself must not wait on it.
                        _ = caches.ForgetHereAsync(CancellationToken.None);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostingCaches.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (missedSome)
                {
                    await caches.ForgetHereAsync(stoppingToken);
                    LogReconnected(logger);
                }

                _listening.TrySetResult();
                retry = TimeSpan.FromSeconds(1);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                missedSome = true;
                LogDisconnected(logger, ex, retry.TotalSeconds);
                await Task.Delay(retry, stoppingToken);
                retry = TimeSpan.FromSeconds(Math.Min(retry.TotalSeconds * 2, 30));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that hears other instances' cache notifications; trying again in {Seconds} s")]
    private static partial void LogDisconnected(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening again for other instances' cache notifications; forgot the cached posting pages once, as some may have been missed")]
    private static partial void LogReconnected(ILogger logger);
}
