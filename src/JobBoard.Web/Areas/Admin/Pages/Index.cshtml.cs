using JobBoard.Data;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Admin.Pages;

/// <summary>The admin's dashboard: how much waits in each queue.</summary>
public sealed class IndexModel(JobBoardDbContext db) : PageModel
{
    public int PendingPostings { get; private set; }

    public int OpenReports { get; private set; }

    public int PendingCompanies { get; private set; }

    public int JoinRequests { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PendingPostings = await db.Postings.CountAsync(p => p.Status == PostingStatus.PendingReview, cancellationToken);
        OpenReports = await db.PostingReports.CountAsync(r => r.ResolvedAt == null, cancellationToken);
        PendingCompanies = await db.Companies.CountAsync(c => c.Verification == CompanyVerification.Pending, cancellationToken);
        JoinRequests = await db.CompanyMembers.CountAsync(m => m.Status == MembershipStatus.Pending, cancellationToken);
    }
}
