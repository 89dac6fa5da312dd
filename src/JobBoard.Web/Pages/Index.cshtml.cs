using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace JobBoard.Web.Pages;

public sealed class IndexModel(JobBoardDbContext db, TimeProvider clock, IMemoryCache cache, IConfiguration configuration) : PageModel
{
    public IReadOnlyList<JobCard> Newest { get; private set; } = [];

    public IReadOnlyList<CategoryCount> Categories { get; private set; } = [];

    public int OpenPostings { get; private set; }

    public async Task OnGetAsync()
    {
        var open = db.Postings.AsNoTracking().WhereOpen(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
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

    public sealed record CategoryCount(string Name, string Slug, int Count);
}
