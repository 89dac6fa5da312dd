using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Npgsql;

namespace JobBoard.Web.Listings;

/// <summary>
/// What this instance keeps in memory about postings: rendered posting pages, recommendation lists and the home page's
/// counts. A write through the site (publish, close, edit, renew, expire) calls <see cref="ForgetAsync"/>, so the change
/// shows at once on the posting's page and in recommendations; search reads the database and needs nothing. Writes are
/// rare next to reads, so everything is forgotten at once rather than tracked posting by posting.
/// <para>
/// Other instances on the same database hear of it through PostgreSQL: <see cref="ForgetAsync"/> sends a
/// notification on <see cref="Channel"/>, and each instance's <see cref="PostingCacheListener"/> forgets its own copy.
/// </para>
/// </summary>
public sealed partial class PostingCaches(
    IMemoryCache cache, IOutputCacheStore pages, PostingCacheChannel channel, ILogger<PostingCaches> logger) : IDisposable
{
    public const string HomeCountsKey = "home:category-counts";

    /// <summary>The output cache's tag on every cached posting page.</summary>
    public const string PageTag = "posting-pages";

    /// <summary>The PostgreSQL notification channel the instances of a board tell each other to forget on.</summary>
    public const string Channel = "posting_caches";

    private CancellationTokenSource _generation = new();

    /// <summary>Names this instance in its notifications, so that it does not forget twice on hearing its own.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Attach to every cached entry derived from postings: it expires at the next <see cref="ForgetAsync"/>.</summary>
    public IChangeToken Token => new CancellationChangeToken(_generation.Token);

    /// <summary>Forgets what this instance cached and tells the other instances to do the same.</summary>
    public async Task ForgetAsync(CancellationToken cancellationToken)
    {
        await ForgetHereAsync(cancellationToken);
        try
        {
            await using var connection = await channel.DataSource.OpenConnectionAsync(cancellationToken);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @instance)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("instance", InstanceId);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The write that called this has committed; the others' copies expire on their own within a minute.
            LogNotifyFailed(logger, ex);
        }
    }

    /// <summary>Forgets what this instance cached, without telling the others (a notification from one of them).</summary>
    public async Task ForgetHereAsync(CancellationToken cancellationToken)
    {
        using (var previous = Interlocked.Exchange(ref _generation, new CancellationTokenSource()))
        {
            await previous.CancelAsync();
        }

        cache.Remove(HomeCountsKey);
        await pages.EvictByTagAsync(PageTag, cancellationToken);
    }

    public void Dispose() => _generation.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances to forget their cached posting pages; they expire on their own")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception);
}

/// <summary>The connections that carry cache notifications between instances (not the EF pool's).</summary>
public sealed class PostingCacheChannel(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource => dataSource;

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
