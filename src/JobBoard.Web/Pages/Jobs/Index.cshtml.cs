using JobBoard.Web.Data;
using JobBoard.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Jobs;

public sealed class IndexModel(JobBoardDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    // Deep offsets get slow and nobody reads page 500; search narrows instead.
    public const int MaxPage = 250;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    /// <summary>From ?page=; read by hand because "page" is a route value Razor Pages reserves for itself.</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<JobCard> Results { get; private set; } = [];

    public int Total { get; private set; }

    public string? CategoryName { get; private set; }

    public int LastPage => Math.Clamp((Total + PageSize - 1) / PageSize, 1, MaxPage);

    public async Task<IActionResult> OnGetAsync()
    {
        PageNumber = int.TryParse(Request.Query["page"], out var requested) && requested > 1 ? requested : 1;

        var postings = db.Postings.AsNoTracking().WhereOpen(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!string.IsNullOrWhiteSpace(Category))
        {
            CategoryName = await db.Categories.Where(c => c.Slug == Category).Select(c => c.Name).FirstOrDefaultAsync();
            postings = postings.Where(p => p.Categories.Any(c => c.Category.Slug == Category));
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = $"%{EscapeLike(Q.Trim())}%";
            postings = postings.Where(p => EF.Functions.ILike(p.Title, pattern, "\\") || EF.Functions.ILike(p.Company.Name, pattern, "\\"));
        }

        Total = await postings.CountAsync();
        if (PageNumber > LastPage)
        {
            PageNumber = LastPage;
        }

        Results = await postings
            .OrderByDescending(p => p.DatePosted).ThenByDescending(p => p.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(JobCard.FromPosting)
            .ToListAsync();
        return Page();
    }

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
        ["category"] = string.IsNullOrWhiteSpace(Category) ? null : Category,
        ["page"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null)).ToUriComponent() is { Length: > 0 } query ? "/jobs" + query : "/jobs";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
