using System.Globalization;
using System.Text;
using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Web.Applications;
using JobBoard.Web.Authorization;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Recruiter.Pages;

/// <summary>
/// The recruiter's dashboard: their company's postings by status, searchable by title or reference, paged, with bulk
/// close and renew and a CSV export of the filtered list. Every query is by the recruiter's company.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db, CurrentRecruiter recruiter, PostingCaches caches, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>How many postings one bulk action takes: a page's worth, with room to spare.</summary>
    public const int MaxBulk = 200;

    public RecruiterMembership Membership { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public List<int> Selected { get; set; } = [];

    [BindProperty]
    public DateOnly? NewClosingDate { get; set; }

    public PostingStatus? Status => ParseStatus(StatusFilter);

    public IReadOnlyDictionary<PostingStatus, int> Counts { get; private set; } = new Dictionary<PostingStatus, int>();

    public int Total => Counts.Values.Sum();

    public int Matching { get; private set; }

    public IReadOnlyList<DashboardRow> Rows { get; private set; } = [];

    public int PageCount => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    /// <summary>Applications on the board nobody has looked at yet.</summary>
    public int NewApplications { get; private set; }

    /// <summary>Views and apply clicks of the company's busiest postings, per day over the last month.</summary>
    public IReadOnlyList<PostingActivityChart> Activity { get; private set; } = [];

    [TempData]
    public string? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        Membership = await recruiter.GetAsync(cancellationToken);
        var rows = await Filtered().OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Select(DashboardRow.FromPosting).ToListAsync(cancellationToken);
        var name = $"{Membership.CompanySlug}-postings-{clock.GetUtcNow():yyyy-MM-dd}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DashboardCsv.Write(rows))).ToArray(), "text/csv; charset=utf-8", name);
    }

    /// <summary>Closes or renews each selected posting through the domain, and reports what happened to each.</summary>
    public async Task<IActionResult> OnPostAsync(string? bulk, CancellationToken cancellationToken)
    {
        Membership = await recruiter.GetAsync(cancellationToken);
        var ids = Selected.Distinct().ToList();
        if (bulk is not ("close" or "renew"))
        {
            return BadRequest();
        }

        if (ids.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), "Select the postings first.");
        }
        else if (ids.Count > MaxBulk)
        {
            ModelState.AddModelError(nameof(Selected), $"Select at most {MaxBulk} postings at a time.");
        }

        if (bulk == "renew" && NewClosingDate is null)
        {
            ModelState.AddModelError(nameof(NewClosingDate), "Choose the new closing date.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var postings = await db.Postings.Where(p => p.CompanyId == Membership.CompanyId && ids.Contains(p.Id)).ToListAsync(cancellationToken);
        if (postings.Count != ids.Count)
        {
            // Another company's id, or one that does not exist: the recruiter learns nothing of it.
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var refused = new List<string>();
        var done = 0;
        foreach (var posting in postings.OrderBy(p => ids.IndexOf(p.Id)))
        {
            var result = bulk == "close" ? posting.Close(Membership.Email, now) : posting.Renew(NewClosingDate!.Value, Membership.Email, now);
            if (result.Succeeded)
            {
                done++;
            }
            else
            {
                refused.Add($"“{posting.Title}”: {string.Join(" ", result.Errors.Select(e => e.Message))}");
            }
        }

        if (done > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await caches.ForgetAsync(cancellationToken);
        }

        var verb = bulk == "close" ? "closed" : "renewed";
        Outcome = refused.Count == 0
            ? $"{done} {verb}."
            : $"{done} {verb}, {refused.Count} could not be: {string.Join(" ", refused)}";
        return RedirectToPage(new { status = StatusFilter, q = Query, p = PageNumber > 1 ? PageNumber : (int?)null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Membership = await recruiter.GetAsync(cancellationToken);
        Counts = await db.Postings.Where(p => p.CompanyId == Membership.CompanyId)
            .GroupBy(p => p.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var filtered = Filtered();
        Matching = string.IsNullOrWhiteSpace(Query) && Query?.Any(char.IsControl) != true
            ? (Status is { } status ? Counts.GetValueOrDefault(status) : Total)
            : await filtered.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await filtered.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(DashboardRow.FromPosting)
            .ToListAsync(cancellationToken);
        NewApplications = await CompanyApplications.New(db, Membership.CompanyId).CountAsync(cancellationToken);
        Activity = await ActivityCharts.ForCompanyAsync(db, Membership.CompanyId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    private IQueryable<JobPosting> Filtered()
    {
        var postings = db.Postings.AsNoTracking().Where(p => p.CompanyId == Membership.CompanyId);
        if (Status is { } status)
        {
            postings = postings.Where(p => p.Status == status);
        }

        // Control characters cannot be in a title or reference (PostgreSQL refuses a NUL outright): they are dropped.
        var words = new string((Query ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (words.Length > 0)
        {
            var pattern = "%" + words.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            postings = postings.Where(p => EF.Functions.ILike(p.Title, pattern) || EF.Functions.ILike(p.RequisitionReference!, pattern));
        }

        return postings;
    }

    public static PostingStatus? ParseStatus(string? value) =>
        Enum.TryParse<PostingStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(value, out _) ? status : null;

    public static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>One posting as the dashboard and its CSV list it.</summary>
public sealed record DashboardRow(
    int Id, string Title, string? Reference, PostingStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateOnly? DatePosted, DateOnly? ValidThrough, string Slug)
{
    public static readonly System.Linq.Expressions.Expression<Func<JobPosting, DashboardRow>> FromPosting = p =>
        new DashboardRow(p.Id, p.Title, p.RequisitionReference, p.Status, p.CreatedAt, p.UpdatedAt, p.DatePosted, p.ValidThrough, p.Slug);

    public bool HasPublicPage => Status is PostingStatus.Published or PostingStatus.Closed or PostingStatus.Expired;
}

/// <summary>
/// The dashboard's list as CSV (RFC 4180 quoting). A cell starting with = + - @ (or a tab or carriage return) is
/// prefixed with an apostrophe so a spreadsheet shows it as text instead of running it as a formula.
/// </summary>
public static class DashboardCsv
{
    public static string Write(IEnumerable<DashboardRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, ["Id", "Title", "Reference", "Status", "Created", "Last changed", "Posted", "Closing date"]);
        foreach (var row in rows)
        {
            Line(csv,
            [
                row.Id.ToString(CultureInfo.InvariantCulture), row.Title, row.Reference, row.Status.ToDisplay(),
                row.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                row.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                IndexModel.Day(row.DatePosted), IndexModel.Day(row.ValidThrough),
            ]);
        }

        return csv.ToString();
    }

    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    private static void Line(StringBuilder csv, IEnumerable<string?> cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
