using System.Globalization;
using JobBoard.Data;
using JobBoard.Web.Companies;
using JobBoard.Web.Feeds;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace JobBoard.Web.Pages.Companies;

/// <summary>
/// The company directory at <c>/companies?sort=&amp;letter=&amp;page=</c>: every company with an open job, A to Z (by
/// its slug, so "Élan" files under E) or by how many jobs it has open, in pages of <see cref="PageSize"/>, with a
/// jump to a letter. Each page has one address: values it does not know are left out of the links it makes and of its
/// canonical address.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db, TimeProvider clock, IMemoryCache cache, IConfiguration configuration, PostingCaches postingCaches)
    : PageModel
{
    public const int PageSize = 48;

    /// <summary>The letter that files the companies whose slug starts with a digit.</summary>
    public const string Digits = "0";

    private const string CacheKey = "companies:directory";

    public DirectorySort Sort { get; private set; }

    /// <summary>"a" to "z" or <see cref="Digits"/>; null for every letter.</summary>
    public string? Letter { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int LastPage { get; private set; } = 1;

    /// <summary>Companies with open jobs, all letters.</summary>
    public int Hiring { get; private set; }

    /// <summary>Companies with open jobs under the letter (all of them without one).</summary>
    public int Total { get; private set; }

    public IReadOnlyList<string> Letters { get; private set; } = [];

    public IReadOnlyList<DirectoryEntry> Companies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Read from the query itself: "page" is also the route value that names a Razor page.
        var (sort, letter, page) = (Request.Query["sort"].ToString(), Request.Query["letter"].ToString(), Request.Query["page"].ToString());
        Sort = string.Equals(sort, "jobs", StringComparison.OrdinalIgnoreCase) ? DirectorySort.OpenJobs : DirectorySort.Name;
        var all = await DirectoryAsync(cancellationToken);
        Hiring = all.Count;
        Letters = [.. all.Select(c => c.Letter).Distinct().Order(StringComparer.Ordinal)];
        Letter = letter.Trim().ToLowerInvariant() is { } asked && Letters.Contains(asked) ? asked : null;

        var listed = Letter is null ? all : [.. all.Where(c => c.Letter == Letter)];
        Total = listed.Count;
        LastPage = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : 1;
        if (PageNumber > LastPage)
        {
            // A page past the end was a page once; the list it belonged to starts at page 1.
            return NotFound();
        }

        var ordered = Sort == DirectorySort.OpenJobs
            ? listed.OrderByDescending(c => c.OpenJobs).ThenBy(c => c.Slug, StringComparer.Ordinal)
            : listed.OrderBy(c => c.Slug, StringComparer.Ordinal);
        Companies = [.. ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return Page();
    }

    public string CanonicalUrl => Request.Origin() + PageUrl(PageNumber);

    public string PageUrl(int page, DirectorySort? sort = null, string? letter = null, bool allLetters = false)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if ((sort ?? Sort) == DirectorySort.OpenJobs)
        {
            pairs.Add(new("sort", "jobs"));
        }

        if ((allLetters ? null : letter ?? Letter) is { } chosen)
        {
            pairs.Add(new("letter", chosen));
        }

        if (page > 1)
        {
            pairs.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        }

        return "/companies" + QueryString.Create(pairs).ToUriComponent();
    }

    public static string LetterName(string letter) => letter == Digits ? "0–9" : letter.ToUpperInvariant();

    /// <summary>
    /// Every company with an open job and its count: one grouping over the open postings, shared for as long as the home
    /// page's counts and forgotten with them when a posting changes through the site.
    /// </summary>
    private async Task<IReadOnlyList<DirectoryEntry>> DirectoryAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(0.001, configuration.GetValue("Caching:HomeCountsSeconds", 60.0)));
            entry.AddExpirationToken(postingCaches.Token);
            entry.SetSize(1);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var counts = db.Postings.AsNoTracking().WhereOpen(today)
                .GroupBy(p => p.CompanyId)
                .Select(g => new { CompanyId = g.Key, Count = g.Count() });
            var rows = await db.Companies.AsNoTracking()
                .Join(counts, c => c.Id, n => n.CompanyId, (c, n) => new { c.Name, c.Slug, c.LogoVersion, c.Industry, c.Headquarters, n.Count })
                .ToListAsync(cancellationToken);
            return (IReadOnlyList<DirectoryEntry>)[.. rows.Select(r => new DirectoryEntry(r.Name, r.Slug, r.LogoVersion, r.Industry, r.Headquarters, r.Count))];
        }))!;
}

public enum DirectorySort
{
    Name,
    OpenJobs,
}

/// <summary>A company as the directory lists it.</summary>
public sealed record DirectoryEntry(string Name, string Slug, string? LogoVersion, string? Industry, string? Headquarters, int OpenJobs)
{
    public string Url => $"/companies/{Slug}";

    public CompanyMark Mark => new(Name, Slug, LogoVersion);

    /// <summary>The letter the company files under: its slug's first, or <see cref="IndexModel.Digits"/>.</summary>
    public string Letter => Slug.Length > 0 && Slug[0] is >= 'a' and <= 'z' ? Slug[..1] : IndexModel.Digits;
}
