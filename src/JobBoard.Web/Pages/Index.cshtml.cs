using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Web.Authorization;
using JobBoard.Web.Listings;
using JobBoard.Web.Recommendations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace JobBoard.Web.Pages;

/// <summary>
/// The home page: search, the newest open postings and the categories with their counts for everyone; for a signed-in
/// seeker also what they viewed lately and postings like the ones they saved and viewed. A guest's page costs what it
/// did before: the personal part is read only for a signed-in user.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db, TimeProvider clock, IMemoryCache cache, IConfiguration configuration, RecommendedJobs recommendedJobs) : PageModel
{
    /// <summary>How many recently viewed postings, and how many recommendations, the home page shows.</summary>
    public const int RecentlyViewedShown = 5;
    public const int RecommendedShown = 6;

    /// <summary>How many of the latest saved and of the latest viewed postings the recommendations start from.</summary>
    private const int RecommendedFromEach = 5;

    /// <summary>Null for a guest.</summary>
    public ForYou? Personal { get; private set; }

    public IReadOnlyList<JobCard> Newest { get; private set; } = [];

    public IReadOnlyList<CategoryCount> Categories { get; private set; } = [];

    public int OpenPostings { get; private set; }

    public async Task OnGetAsync()
    {
        var open = db.Postings.AsNoTracking().WhereOpen(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (User.UserId() is { } userId)
        {
            Personal = await ForYouAsync(userId, open, HttpContext.RequestAborted);
        }

        Newest = await open
            .OrderByDescending(p => p.DatePosted).ThenByDescending(p => p.Id)
            .Select(JobCard.FromPosting)
            .Take(10)
            .ToListAsync();
        // Counting over every open posting is the costly part of this page, so the figures are shared for a while.
        (Categories, OpenPostings) = await cache.GetOrCreateAsync(PostingCaches.HomeCountsKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(0.001, configuration.GetValue("Caching:HomeCountsSeconds", 60.0)));
            entry.SetSize(1).SetPriority(CacheItemPriority.NeverRemove);
            var counts = await db.Set<PostingCategory>()
                .Where(pc => open.Any(p => p.Id == pc.PostingId))
                .GroupBy(pc => pc.CategoryId)
                .Select(g => new { CategoryId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(c => c.CategoryId, c => c.Count);
            var categories = await db.Categories.AsNoTracking().Where(c => counts.Keys.Contains(c.Id)).ToListAsync();
            var list = categories
                .Select(c => new CategoryCount(c.Name, c.Slug, counts[c.Id]))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            return ((IReadOnlyList<CategoryCount>)list, await open.CountAsync());
        });
    }

    private async Task<ForYou> ForYouAsync(int userId, IQueryable<JobPosting> open, CancellationToken cancellationToken)
    {
        var saved = await db.SavedJobs.Where(s => s.UserId == userId)
            .OrderByDescending(s => s.SavedAt).Select(s => s.PostingId).ToListAsync(cancellationToken);
        var viewed = await db.RecentViews.Where(v => v.UserId == userId)
            .OrderByDescending(v => v.ViewedAt).Select(v => new { v.PostingId, Open = open.Any(p => p.Id == v.PostingId) }).ToListAsync(cancellationToken);

        var recentIds = viewed.Where(v => v.Open).Select(v => v.PostingId).Take(RecentlyViewedShown).ToList();
        var recentCards = await open.Where(p => recentIds.Contains(p.Id)).Select(JobCard.FromPosting).ToDictionaryAsync(c => c.Id, cancellationToken);
        var recent = recentIds.Where(recentCards.ContainsKey).Select(id => recentCards[id]).ToList();

        // From the latest few of each; nothing they saved or viewed is recommended back to them.
        var known = saved.Concat(viewed.Select(v => v.PostingId)).ToHashSet();
        var subjects = saved.Take(RecommendedFromEach).Concat(viewed.Select(v => v.PostingId).Take(RecommendedFromEach)).Distinct().ToList();
        IReadOnlyList<Recommendation> recommended = [];
        if (subjects.Count > 0)
        {
            var asked = Math.Min(RecommendedJobs.MaxLimit, RecommendedShown + known.Count - subjects.Count);
            recommended = [.. (await recommendedJobs.ForPostingsAsync(subjects, asked, cancellationToken))
                .Where(r => !known.Contains(r.Card.Id))
                .Take(RecommendedShown)];
        }

        return new ForYou(recent, recommended);
    }

    public sealed record CategoryCount(string Name, string Slug, int Count);

    /// <summary>A signed-in seeker's part of the page: open postings they viewed lately (latest first) and recommendations.</summary>
    public sealed record ForYou(IReadOnlyList<JobCard> RecentlyViewed, IReadOnlyList<Recommendation> Recommended);
}
