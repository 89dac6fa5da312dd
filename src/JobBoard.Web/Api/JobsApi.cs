using System.Globalization;
using System.Text.Json.Nodes;
using JobBoard.Domain.Postings;
using JobBoard.Web.Data;
using JobBoard.Web.Feeds;
using JobBoard.Web.Pages.Jobs;
using JobBoard.Web.Pages.Shared;
using JobBoard.Web.Recommendations;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace JobBoard.Web.Api;

/// <summary>
/// The read-only JSON API: <c>/api/v1/jobs</c> searches with the parameters of <c>/jobs</c> plus <c>limit</c>;
/// <c>/api/v1/jobs/{id}</c> gives a posting's schema.org JobPosting. Only published, unexpired postings appear.
/// </summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        // Errors come from the error page as problem details (Pages/Error): a database out of reach on any endpoint.
        var api = app.MapGroup("/api/v1/jobs").WithTags("Jobs")
            .RequireRateLimiting(SearchRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/", SearchAsync)
            .WithName("SearchJobs")
            .WithSummary("Search open jobs")
            .WithDescription(
                "The parameters of the search page /jobs, plus limit. A parameter marked repeatable may be given several times " +
                "or as a comma-separated list. Values that make no sense are left out and explained in `problems`, so the search " +
                string.Create(CultureInfo.InvariantCulture, $"still answers. Matches are counted up to {JobSearch.DefaultCountLimit:N0} by default (the server's Search:CountLimit): past that, `total` is the limit, ") +
                "`totalIsExact` is false and the facets count the first matches up to it. `next` is the URL of the next page, if any.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters = [.. JobSearchRequest.Parameters.Select(QueryParameter), QueryParameter(LimitParameter)];
                return Task.CompletedTask;
            });

        api.MapGet("/{id:int}", PostingAsync)
            .WithName("GetJob")
            .WithSummary("One open job as schema.org JobPosting JSON-LD")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription(
                "The same JobPosting as the job's page carries for search engines (https://schema.org/JobPosting): title, " +
                "description, hiringOrganization, jobLocation or applicantLocationRequirements, baseSalary, employmentType, " +
                "datePosted, validThrough, identifier. 404 for a job that is not published, closed or past its closing date.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Responses ??= [];
                operation.Responses[StatusCodes.Status200OK.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
                {
                    Description = "OK",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/ld+json"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Description = "A schema.org JobPosting.",
                                ExternalDocs = new OpenApiExternalDocs { Url = new Uri("https://schema.org/JobPosting") },
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            });

        api.MapGet("/{id:int}/recommendations", RecommendationsAsync)
            .WithName("GetJobRecommendations")
            .WithSummary("Open jobs related to this one, best first, each with its score and the reasons for it")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription(
                "limit: 1-50, default 10. Ranked by location and category first, then skills, title and recency; see docs/recommendations.md. " +
                "Each item's place is the one of its locations that matched (its first when none did).");

        return app;
    }

    private static readonly SearchParameter LimitParameter = new(
        "limit", SearchParameterKind.WholeNumber, $"Results per page, 1 to {JobSearchRequest.MaxLimit}; {JobSearchRequest.PageSize} by default.");

    private static OpenApiParameter QueryParameter(SearchParameter parameter)
    {
        var schema = new OpenApiSchema
        {
            Type = parameter.Kind switch
            {
                SearchParameterKind.WholeNumber => JsonSchemaType.Integer,
                SearchParameterKind.Amount => JsonSchemaType.Number,
                SearchParameterKind.TrueOrFalse => JsonSchemaType.Boolean,
                _ => JsonSchemaType.String,
            },
            Enum = parameter.Values is { } values ? [.. values.Select(value => (JsonNode)JsonValue.Create(value))] : null,
        };
        return parameter.Repeatable
            ? new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = $"{parameter.Description} Repeatable: {parameter.Name}=a&{parameter.Name}=b, or {parameter.Name}=a,b.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema },
                Style = ParameterStyle.Form,
                Explode = true,
            }
            : new OpenApiParameter { Name = parameter.Name, In = ParameterLocation.Query, Description = parameter.Description, Schema = schema };
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
            r.Place is { } matched ? new LocationResponse(matched.City, matched.Region, matched.CountryCode) : null,
            r.Score,
            r.Reasons))]));
    }

    private static async Task<Ok<JobSearchResponse>> SearchAsync(HttpContext context, JobSearch search, CancellationToken cancellationToken)
    {
        var request = JobSearchRequest.From(context.Request.Query, JobSearchRequest.MaxLimit);
        var result = await search.SearchAsync(request, cancellationToken);
        var origin = context.Request.Origin();
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

        var url = $"{context.Request.Origin()}/jobs/{posting.Id}/{posting.Slug}";
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

/// <summary>A recommended job; <paramref name="Place"/> is the one of its locations that matched (its first when none did).</summary>
public sealed record RecommendedJob(
    int Id, string Title, string Company, IReadOnlyList<LocationResponse> Locations, LocationResponse? Place, double Score, IReadOnlyList<string> Reasons);

public sealed record LocationResponse(string City, string? Region, string Country);

public sealed record SalaryResponse(string Currency, decimal? Min, decimal? Max, string Period);
