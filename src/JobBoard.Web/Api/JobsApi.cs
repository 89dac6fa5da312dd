using System.Text.Json.Nodes;
using JobBoard.Domain.Postings;
using JobBoard.Web.Data;
using JobBoard.Web.Pages.Jobs;
using JobBoard.Web.Pages.Shared;
using JobBoard.Web.Recommendations;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Api;

/// <summary>
/// The read-only JSON API: <c>/api/v1/jobs</c> searches with the parameters of <c>/jobs</c> plus <c>limit</c>;
/// <c>/api/v1/jobs/{id}</c> gives a posting's schema.org JobPosting. Only published, unexpired postings appear.
/// </summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/jobs").WithTags("Jobs");

        api.MapGet("/", SearchAsync)
            .WithName("SearchJobs")
            .WithSummary("Search open jobs")
            .WithDescription(
                "Parameters as on /jobs: q (websearch syntax: \"phrase\", or, -exclude), location, radius, unit (km|mi), " +
                "mode (onsite|hybrid|remote|field, repeatable), type (full-time|part-time|contractor|temporary|intern|volunteer|per-diem|other), " +
                "category (slug, repeatable), level (entry|mid|senior|director|executive), salaryMin (a year) with currency (ISO 4217, default USD), " +
                "posted (days), visa (true), sort (relevance|date|salary), page, and limit (1-50, default 20). " +
                "Unknown values are ignored and listed in `problems`. Matches are counted up to 5,000 (the server's Search:CountLimit): " +
                "past that, `total` is the limit, `totalIsExact` is false and the facets count the first matches up to it.");

        api.MapGet("/{id:int}", PostingAsync)
            .WithName("GetJob")
            .WithSummary("One open job as schema.org JobPosting JSON-LD");

        api.MapGet("/{id:int}/recommendations", RecommendationsAsync)
            .WithName("GetJobRecommendations")
            .WithSummary("Open jobs related to this one, best first, each with its score and the reasons for it")
            .WithDescription("limit: 1-50, default 10. Ranked by location and category first, then skills, title and recency; see docs/recommendations.md.");

        return app;
    }

    private static async Task<Results<Ok<RecommendationsResponse>, NotFound>> RecommendationsAsync(
        int id, int? limit, RecommendedJobs recommendedJobs, CancellationToken cancellationToken)
    {
        var recommendations = await recommendedJobs.ForPostingAsync(
            id, Math.Clamp(limit ?? RecommendedJobs.DefaultLimit, 1, RecommendedJobs.MaxLimit), cancellationToken);
        if (recommendations is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new RecommendationsResponse([.. recommendations.Select(r => new RecommendedJob(
            r.Card.Id,
            r.Card.Title,
            r.Card.Company,
            [.. r.Card.Places.Select(place => new LocationResponse(place.City, place.Region, place.CountryCode))],
            r.Score,
            r.Reasons))]));
    }

    private static async Task<Ok<JobSearchResponse>> SearchAsync(HttpContext context, JobSearch search, CancellationToken cancellationToken)
    {
        var request = JobSearchRequest.From(context.Request.Query, JobSearchRequest.MaxLimit);
        var result = await search.SearchAsync(request, cancellationToken);
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var next = result.Total > 0 && result.HasNextPage ? $"{origin}/api/v1/jobs{NextQuery(request)}" : null;
        return TypedResults.Ok(new JobSearchResponse(
            [.. result.Hits.Select(card => JobSummary.From(card, origin))],
            result.Total,
            result.TotalIsExact,
            new FacetsResponse(
                result.Facets.Categories.ToDictionary(c => c.Slug, c => c.Count),
                result.Facets.WorkModes.ToDictionary(m => JobSearchRequest.ModeSlug(m.Value), m => m.Count),
                result.Facets.EmploymentTypes.ToDictionary(t => JobSearchRequest.TypeSlug(t.Value), t => t.Count),
                result.Facets.Levels.ToDictionary(l => l.Value.ToString().ToLowerInvariant(), l => l.Count)),
            next,
            result.Problems));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> PostingAsync(
        int id, HttpContext context, JobBoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var posting = await db.Postings.FindForDisplayAsync(id, cancellationToken);
        if (posting is null || !posting.IsOpen(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            return TypedResults.NotFound();
        }

        var url = $"{context.Request.Scheme}://{context.Request.Host}/jobs/{posting.Id}/{posting.Slug}";
        return TypedResults.Content(JobPostingJsonLd.Serialize(posting, url), "application/ld+json; charset=utf-8");
    }

    private static string NextQuery(JobSearchRequest request)
    {
        var query = request.ToQueryString(request.Page + 1);
        return request.Limit == JobSearchRequest.PageSize ? query : $"{query}{(query.Length == 0 ? "?" : "&")}limit={request.Limit}";
    }
}

public sealed record JobSearchResponse(
    IReadOnlyList<JobSummary> Items, int Total, bool TotalIsExact, FacetsResponse Facets, string? Next, IReadOnlyList<string> Problems);

public sealed record FacetsResponse(
    IReadOnlyDictionary<string, int> Category,
    IReadOnlyDictionary<string, int> Mode,
    IReadOnlyDictionary<string, int> Type,
    IReadOnlyDictionary<string, int> Level);

public sealed record JobSummary(
    int Id,
    string Title,
    string Company,
    IReadOnlyList<LocationResponse> Locations,
    string WorkMode,
    string? EmploymentType,
    DateOnly? DatePosted,
    string Url,
    SalaryResponse? Salary)
{
    public static JobSummary From(JobCard card, string origin) => new(
        card.Id,
        card.Title,
        card.Company,
        [.. card.Places.Select(place => new LocationResponse(place.City, place.Region, place.CountryCode))],
        JobSearchRequest.ModeSlug(card.WorkMode),
        card.EmploymentType?.ToSchemaOrg(),
        card.DatePosted,
        origin + card.Url,
        card.Compensation is { } pay ? new SalaryResponse(pay.Currency, pay.Minimum, pay.Maximum, pay.Period.ToString().ToUpperInvariant()) : null);
}

public sealed record RecommendationsResponse(IReadOnlyList<RecommendedJob> Items);

public sealed record RecommendedJob(int Id, string Title, string Company, IReadOnlyList<LocationResponse> Locations, double Score, IReadOnlyList<string> Reasons);

public sealed record LocationResponse(string City, string? Region, string Country);

public sealed record SalaryResponse(string Currency, decimal? Min, decimal? Max, string Period);
