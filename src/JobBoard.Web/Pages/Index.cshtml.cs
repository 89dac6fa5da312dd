using JobBoard.Web.Data;
using JobBoard.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages;

public sealed class IndexModel(JobBoardDbContext db, TimeProvider clock) : PageModel
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
        Categories = await open
            .SelectMany(p => p.Categories)
            .GroupBy(pc => new { pc.Category.Name, pc.Category.Slug })
            .Select(g => new CategoryCount(g.Key.Name, g.Key.Slug, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name)
            .ToListAsync();
        OpenPostings = await open.CountAsync();
    }

    public sealed record CategoryCount(string Name, string Slug, int Count);
}
