using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Web.Authorization;
using JobBoard.Web.Listings;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Applications;

/// <summary>
/// <c>/jobs/{id}/apply</c>, where every Apply button of the board points: records the click (an <see cref="ApplyClick"/>
/// row, and the day's count through <see cref="PostingActivity"/>), then sends the seeker where the posting takes
/// applications: its form on the board, its apply link, or a mail to its apply address. A posting that no longer takes
/// applications sends them back to its page, which says so; nothing is counted then.
/// </summary>
public static class ApplyEndpoint
{
    public static IEndpointRouteBuilder MapApply(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/jobs/{id:int}/apply", ApplyAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Applies).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The address of a posting's on-board application form.</summary>
    public static string FormAddress(int postingId) => $"/jobs/{postingId}/apply/form";

    /// <summary>The address every Apply button points at.</summary>
    public static string Address(int postingId) => $"/jobs/{postingId}/apply";

    private static async Task<IResult> ApplyAsync(
        int id, HttpContext http, JobBoardDbContext db, PostingActivity activity, TimeProvider clock, CancellationToken cancellationToken)
    {
        var posting = await db.Postings.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Slug, p.Title, p.Status, p.ValidThrough, p.ApplyUrl, p.ApplyEmail, p.TakesApplicationsOnBoard, Company = p.Company.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (posting is null || !JobPosting.IsPublic(posting.Status))
        {
            return Results.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var page = $"/jobs/{posting.Id}/{posting.Slug}";
        var open = JobPosting.IsOpen(posting.Status, posting.ValidThrough, today);
        var target = !open ? null
            : posting.TakesApplicationsOnBoard ? FormAddress(posting.Id)
            : posting.ApplyUrl is { } url ? url
            : posting.ApplyEmail is { } email ? MailTo(email, posting.Title, posting.Company)
            : null;
        if (target is null)
        {
            return Results.Redirect(page);
        }

        db.ApplyClicks.Add(ApplyClick.Record(posting.Id, http.User.UserId(), FromPage(http.Request), now));
        await db.SaveChangesAsync(cancellationToken);
        activity.CountApplyClick(posting.Id);
        return Results.Redirect(target);
    }

    /// <summary>A mail to the apply address with a subject naming the posting, so the company knows what it is for.</summary>
    public static string MailTo(string email, string title, string company) =>
        $"mailto:{email}?subject={Uri.EscapeDataString($"Application: {title} at {company} (via JobBoard)")}";

    /// <summary>
    /// The page of the board the click came from (path and query of the Referer), or null when the browser did not say or
    /// it was another site: what other sites link from is not ours to record.
    /// </summary>
    public static string? FromPage(HttpRequest request)
    {
        var referer = request.Headers.Referer.ToString();
        if (!Uri.TryCreate(referer, UriKind.Absolute, out var from)
            || from.Scheme is not ("http" or "https")
            || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = from.PathAndQuery;
        return path.Any(char.IsControl) ? null : path;
    }
}
