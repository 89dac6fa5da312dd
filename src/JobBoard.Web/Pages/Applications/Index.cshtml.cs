using JobBoard.Data;
using JobBoard.Domain.Applications;
using JobBoard.Domain.Postings;
using JobBoard.Web.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Applications;

/// <summary>The seeker's applications on the board, newest first, each with the status the company gave it.</summary>
public sealed class IndexModel(JobBoardDbContext db) : PageModel
{
    public IReadOnlyList<SeekerApplication> Applications { get; private set; } = [];

    [TempData]
    public string? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId() ?? throw new InvalidOperationException("The folder's policy lets only signed-in users in.");
        Applications = await db.JobApplications.AsNoTracking()
            .Where(a => a.UserId == userId)
            .OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
            .Join(db.Postings, a => a.PostingId, p => p.Id, (a, p) => new SeekerApplication(
                a.Id, p.Id, p.Slug, p.Title, p.Company.Name, JobPosting.IsPublic(p.Status), a.SubmittedAt, a.Status, a.StatusChangedAt))
            .ToListAsync(cancellationToken);
        return Page();
    }
}

public sealed record SeekerApplication(
    long Id, int PostingId, string PostingSlug, string PostingTitle, string CompanyName, bool PostingIsPublic, DateTimeOffset SubmittedAt,
    ApplicationStatus Status, DateTimeOffset StatusChangedAt)
{
    /// <summary>The posting's page, while the public can read it (not while an edit of it waits for review).</summary>
    public string? PostingUrl => PostingIsPublic ? $"/jobs/{PostingId}/{PostingSlug}" : null;
}
