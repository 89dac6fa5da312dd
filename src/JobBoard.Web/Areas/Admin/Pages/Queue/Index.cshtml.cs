using JobBoard.Data;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Admin.Pages.Queue;

/// <summary>The moderation queue: postings waiting for review, the longest-waiting first.</summary>
public sealed class IndexModel(JobBoardDbContext db) : PageModel
{
    public IReadOnlyList<QueuedPosting> Postings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Postings = await db.Postings
            .Where(p => p.Status == PostingStatus.PendingReview)
            .Select(p => new
            {
                p.Id,
                p.Title,
                Company = p.Company.Name,
                p.Company.Verification,
                SubmittedAt = p.StatusHistory.Where(h => h.To == PostingStatus.PendingReview).Max(h => (DateTimeOffset?)h.At) ?? p.UpdatedAt,
            })
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id)
            .Select(p => new QueuedPosting(p.Id, p.Title, p.Company, p.Verification, p.SubmittedAt))
            .ToListAsync(cancellationToken);
    }
}

public sealed record QueuedPosting(int Id, string Title, string CompanyName, CompanyVerification Verification, DateTimeOffset SubmittedAt);
