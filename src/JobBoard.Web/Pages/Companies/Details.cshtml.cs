using JobBoard.Data;
using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Companies;

public sealed class DetailsModel(JobBoardDbContext db, TimeProvider clock) : PageModel
{
    public Company Company { get; private set; } = null!;

    public IReadOnlyList<JobCard> OpenPostings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        if (company is null)
        {
            // "Novartis", "Nestlé", "acme_health": the company's slug written another way has one address, its slug's.
            var canonical = Slug.From(slug);
            if (canonical != slug && await db.Companies.AnyAsync(c => c.Slug == canonical))
            {
                return RedirectToPagePermanent("/Companies/Details", new { slug = canonical });
            }

            return NotFound();
        }

        Company = company;
        OpenPostings = await db.Postings.AsNoTracking()
            .WhereOpen(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .Where(p => p.CompanyId == company.Id)
            .OrderByDescending(p => p.DatePosted).ThenByDescending(p => p.Id)
            .Select(JobCard.FromPosting)
            .Take(200)
            .ToListAsync();
        return Page();
    }
}
