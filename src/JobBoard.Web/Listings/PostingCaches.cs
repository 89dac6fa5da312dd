using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace JobBoard.Web.Listings;

/// <summary>
/// What this instance keeps in memory about postings: rendered posting pages, recommendation lists and the home page's
/// counts. A write through the site (publish, close, edit, renew, expire) calls <see cref="ForgetAsync"/>, so the change
/// shows at once on the posting's page and in recommendations; search reads the database and needs nothing. Writes are
/// rare next to reads, so everything is forgotten at once rather than tracked posting by posting.
/// </summary>
public sealed class PostingCaches(IMemoryCache cache, IOutputCacheStore pages) : IDisposable
{
    public const string HomeCountsKey = "home:category-counts";

    /// <summary>The output cache's tag on every cached posting page.</summary>
    public const string PageTag = "posting-pages";

    private CancellationTokenSource _generation = new();

    /// <summary>Attach to every cached entry derived from postings: it expires at the next <see cref="ForgetAsync"/>.</summary>
    public IChangeToken Token => new CancellationChangeToken(_generation.Token);

    public async Task ForgetAsync(CancellationToken cancellationToken)
    {
        using (var previous = Interlocked.Exchange(ref _generation, new CancellationTokenSource()))
        {
            await previous.CancelAsync();
        }

        cache.Remove(HomeCountsKey);
        await pages.EvictByTagAsync(PageTag, cancellationToken);
    }

    public void Dispose() => _generation.Dispose();
}
