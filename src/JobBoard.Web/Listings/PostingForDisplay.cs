using JobBoard.Domain.Postings;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Listings;

public static class PostingForDisplay
{
    /// <summary>A posting with everything its page and its JSON-LD show: company, places, categories and skills in order.</summary>
    public static Task<JobPosting?> FindForDisplayAsync(this IQueryable<JobPosting> postings, int id, CancellationToken cancellationToken) =>
        postings
            .AsNoTracking()
            .AsSplitQuery()
            .Include(p => p.Company)
            .Include(p => p.Locations.OrderBy(l => l.Position))
            .Include(p => p.Categories.OrderBy(c => c.Position)).ThenInclude(c => c.Category)
            .Include(p => p.Skills.OrderBy(s => s.Position)).ThenInclude(s => s.Skill)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
}
