using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Web.Authorization;
using JobBoard.Web.Seekers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Saved;

/// <summary>
/// The signed-in user's saved jobs, newest first, each with where its posting stands now: a closed, expired or withdrawn
/// posting stays on the list and says so. Also the target of every Save and Unsave button (cards, posting page, this
/// list): a plain form post that comes back to the page it was sent from, or JSON to saved-jobs.js.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db, SavedJobs savedJobs, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SavedRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var saved = await (
                from s in db.SavedJobs
                where s.UserId == userId
                join p in db.Postings on s.PostingId equals p.Id
                orderby s.SavedAt descending, s.PostingId descending
                select new
                {
                    p.Id,
                    p.Title,
                    p.Slug,
                    Company = p.Company.Name,
                    CompanySlug = p.Company.Slug,
                    p.Company.LogoVersion,
                    Place = p.Locations.OrderBy(l => l.Position).FirstOrDefault(),
                    p.Status,
                    p.ValidThrough,
                    s.SavedAt,
                })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        Rows = [.. saved.Select(s => new SavedRow(
            s.Id, s.Title, s.Slug, s.Company, s.CompanySlug, s.LogoVersion, s.Place?.DisplayName, SavedJobStates.Of(s.Status, s.ValidThrough, today), s.ValidThrough, s.SavedAt))];
    }

    public async Task<IActionResult> OnPostSaveAsync(int postingId, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!await savedJobs.SaveAsync(User.UserId()!.Value, postingId, cancellationToken))
        {
            return NotFound();
        }

        return Done(saved: true, returnUrl);
    }

    public async Task<IActionResult> OnPostUnsaveAsync(int postingId, string? returnUrl, CancellationToken cancellationToken)
    {
        await savedJobs.UnsaveAsync(User.UserId()!.Value, postingId, cancellationToken);
        return Done(saved: false, returnUrl);
    }

    /// <summary>JSON for the script that asked for it; otherwise back to the page the form was on (post-redirect-get).</summary>
    private IActionResult Done(bool saved, string? returnUrl)
    {
        if (Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            return new JsonResult(new { saved });
        }

        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage("/Saved/Index");
    }

    public sealed record SavedRow(
        int PostingId, string Title, string Slug, string Company, string CompanySlug, string? CompanyLogoVersion, string? Place, SavedJobState State, DateOnly? ValidThrough, DateTimeOffset SavedAt)
    {
        public string Url => $"/jobs/{PostingId}/{Slug}";
    }
}
