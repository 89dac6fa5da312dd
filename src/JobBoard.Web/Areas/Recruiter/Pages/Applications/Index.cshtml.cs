using JobBoard.Data;
using JobBoard.Domain.Applications;
using JobBoard.Web.Applications;
using JobBoard.Web.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Recruiter.Pages.Applications;

/// <summary>
/// The company's inbox of applications made on the board, newest first, filtered by posting and status. Every query
/// is by the recruiter's company: another company's applications are not found.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db, CurrentRecruiter recruiter) : PageModel
{
    public const int Shown = 200;

    public RecruiterMembership Membership { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "posting")]
    public int? PostingFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    public ApplicationStatus? Status => ApplicationStatusDisplay.Parse(StatusFilter);

    /// <summary>The company's postings that have applications, for the filter.</summary>
    public IReadOnlyList<(int Id, string Title, int Count)> Postings { get; private set; } = [];

    public IReadOnlyDictionary<ApplicationStatus, int> Counts { get; private set; } = new Dictionary<ApplicationStatus, int>();

    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];

    public int Matching { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Membership = await recruiter.GetAsync(cancellationToken);
        var company = CompanyApplications.Of(db, Membership.CompanyId);
        Postings = (await company
                .GroupBy(x => new { x.Posting.Id, x.Posting.Title })
                .Select(g => new { g.Key.Id, g.Key.Title, Count = g.Count() })
                .OrderBy(g => g.Title).ThenBy(g => g.Id)
                .ToListAsync(cancellationToken))
            .Select(g => (g.Id, g.Title, g.Count)).ToList();
        if (PostingFilter is { } postingId && Postings.All(p => p.Id != postingId))
        {
            PostingFilter = null;
        }

        var filtered = PostingFilter is { } only ? company.Where(x => x.Posting.Id == only) : company;
        Counts = await filtered.GroupBy(x => x.Application.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (Status is { } status)
        {
            filtered = filtered.Where(x => x.Application.Status == status);
        }

        Matching = Status is { } counted ? Counts.GetValueOrDefault(counted) : Counts.Values.Sum();
        Rows = await filtered
            .OrderByDescending(x => x.Application.SubmittedAt).ThenByDescending(x => x.Application.Id)
            .Take(Shown)
            .Select(x => new InboxRow(x.Application.Id, x.Application.Name, x.Posting.Id, x.Posting.Title, x.Application.SubmittedAt, x.Application.Status))
            .ToListAsync(cancellationToken);
        return Page();
    }
}

public sealed record InboxRow(long Id, string Name, int PostingId, string PostingTitle, DateTimeOffset SubmittedAt, ApplicationStatus Status);
