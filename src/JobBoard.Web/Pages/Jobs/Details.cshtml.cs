using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Web.Listings;
using JobBoard.Web.Recommendations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JobBoard.Web.Pages.Jobs;

/// <summary>
/// A posting's public page. Served from the output cache for anonymous readers (<see cref="CachePolicy"/>, a minute by
/// default): only 200s are stored, never a response to a signed-in request or one that sets a cookie.
/// </summary>
[OutputCache(PolicyName = CachePolicy)]
public sealed class DetailsModel(JobBoardDbContext db, TimeProvider clock, RecommendedJobs recommendedJobs) : PageModel
{
    public const string CachePolicy = "posting-page";

    /// <summary>The tag of every cached posting page: evicting it drops them all.</summary>
    public const string CacheTag = PostingCaches.PageTag;

    public JobPosting Posting { get; private set; } = null!;

    public IReadOnlyList<OutlineBlock> Outline { get; private set; } = [];

    /// <summary>Closed or past its closing date: the page stays, but says it takes no more applications.</summary>
    public bool NoLongerOpen { get; private set; }

    public string? JsonLd { get; private set; }

    public string CanonicalUrl { get; private set; } = string.Empty;

    /// <summary>Related open postings, shown under the ad (also under a closed or expired one, where they matter most).</summary>
    public IReadOnlyList<Recommendation> Recommended { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken cancellationToken)
    {
        var posting = await db.Postings.FindForDisplayAsync(id, cancellationToken);

        if (posting is null || !posting.HasPublicPage)
        {
            return NotFound();
        }

        if (slug != posting.Slug)
        {
            return RedirectToPagePermanent("/Jobs/Details", new { id, slug = posting.Slug });
        }

        Posting = posting;
        Outline = PostingOutline.Build(posting);
        NoLongerOpen = !posting.IsOpen(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        CanonicalUrl = Url.PageLink("/Jobs/Details", values: new { id, slug = posting.Slug }) ?? string.Empty;
        JsonLd = NoLongerOpen ? null : JobPostingJsonLd.Serialize(posting, CanonicalUrl);
        Recommended = await recommendedJobs.ForPostingAsync(posting.Id, RecommendedJobs.DefaultLimit, cancellationToken) ?? [];
        return Page();
    }
}
