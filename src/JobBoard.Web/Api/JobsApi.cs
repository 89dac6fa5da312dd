using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;
using JobBoard.Data;
using JobBoard.Domain.Postings;
using JobBoard.Web.Feeds;
using JobBoard.Web.Listings;
using JobBoard.Web.Recommendations;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace JobBoard.Web.Api;

/// <summary>
/// The read-only JSON API: <c>/api/v1/jobs</c> searches with the parameters of <c>/jobs</c> plus <c>limit</c>;
/// <c>/api/v1/jobs/{id}</c> gives a posting's schema.org JobPosting (410 once it is closed or expired) and
/// <c>/api/v1/jobs/{id}/recommendations</c> the open postings related to it. Only published, unexpired postings are listed.
/// </summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        // Errors come from the error page as problem details (Pages/Error): a database out of reach on any endpoint.
        var api = app.MapGroup("/api/v1/jobs").WithTags("Jobs")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Searches)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/", SearchAsync)
            .WithName("SearchJobs")
            .WithSummary("Search open jobs")
            .WithDescription(
                "The parameters of the search page /jobs, plus limit. A parameter marked repeatable may be given several times " +
                "or as a comma-separated list. Values that make no sense are left out and explained in `problems`, so the search " +
                string.Create(CultureInfo.InvariantCulture, $"still answers. Matches are counted up to {JobSearch.DefaultCountLimit:N0} by default (the server's Search:CountLimit): past that, `total` is the limit, ") +
                "`totalIsExact` is false and the facets count the first matches up to it. `next` is the URL of the next page, if any. " +
                LimitRule)
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters = [.. JobSearchRequest.Parameters.Select(QueryParameter), LimitParameter(JobSearchRequest.PageSize, JobSearchRequest.MaxLimit, "Results per page")];
                return Task.CompletedTask;
            });

        api.MapGet("/{id:int}", PostingAsync)
            .WithName("GetJob")
            .WithSummary("One open job as schema.org JobPosting JSON-LD")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithDescription(
                "The same JobPosting as the job's page carries for search engines (https://schema.org/JobPosting): title, " +
                "description, hiringOrganization, jobLocation or applicantLocationRequirements, baseSalary, employmentType, " +
                "datePosted, validThrough, identifier. A job that was open and is no longer (closed, or past its closing date) " +
                "is 410 Gone: its problem's `recommendations` is the URL of open jobs like it, `page` its page, which stays. " +
                "404 for an id that was never published.")
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
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription(
                "Ranked by location and category first, then skills, title and recency; see docs/recommendations.md. " +
                "Answers for a job that is no longer open too, as its page does (the recommended jobs are always open); " +
                "404 for an id that was never published. Each item's place is the one of its locations that matched (its first when none did). " + LimitRule)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters = [.. operation.Parameters ?? [], LimitParameter(RecommendedJobs.DefaultLimit, RecommendedJobs.MaxLimit, "Jobs to list")];
                return Task.CompletedTask;
            });

        return app;
    }

    private const string LimitRule =
        "A `limit` that is not a whole number in its range (`abc`, `0`, `-1`, one above the maximum) is refused with a 400 " +
        "`application/problem+json` whose `errors.limit` says the range.";

    /// <summary>
    /// The <c>limit</c> both list endpoints take: absent, the endpoint's default; otherwise a whole number from 1 to
    /// <paramref name="max"/>. Anything else is refused rather than guessed at, since a clamp would hand a client that asked
    /// for 0 or 500 a list of a size it never asked for. The same words on every endpoint.
    /// </summary>
    private static bool TryReadLimit(HttpContext context, int byDefault, int max, out int limit, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        limit = byDefault;
        problem = null;
        // As JobSearchRequest reads its parameters: the last non-blank value, trimmed.
        var text = context.Request.Query["limit"].LastOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var requested) && requested >= 1 && requested <= max)
        {
            limit = requested;
            return true;
        }

        var message = $"\"limit\" is a whole number from 1 to {max}; \"{text}\" is not.";
        problem = TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["limit"] = [message] }, detail: message, instance: context.Request.Path);
        return false;
    }

    private static OpenApiParameter LimitParameter(int byDefault, int max, string what) => new()
    {
        Name = "limit",
        In = ParameterLocation.Query,
        Description = $"{what}, 1 to {max}; {byDefault} by default. Any other value is a 400.",
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Minimum = "1",
            Maximum = max.ToString(CultureInfo.InvariantCulture),
            Default = JsonValue.Create(byDefault),
        },
    };

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

    private static async Task<Results<Ok<RecommendationsResponse>, ValidationProblem, NotFound>> RecommendationsAsync(
        int id, HttpContext context, RecommendedJobs recommendedJobs, CancellationToken cancellationToken)
    {
        if (!TryReadLimit(context, RecommendedJobs.DefaultLimit, RecommendedJobs.MaxLimit, out var limit, out var problem))
        {
            return problem;
        }

        var recommendations = await recommendedJobs.ForPostingAsync(id, limit, cancellationToken);
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

    private static async Task<Results<Ok<JobSearchResponse>, ValidationProblem>> SearchAsync(
        HttpContext context, JobSearch search, CancellationToken cancellationToken)
    {
        // JobSearchRequest reads the limit again, now that it is known to be in range.
        if (!TryReadLimit(context, JobSearchRequest.PageSize, JobSearchRequest.MaxLimit, out _, out var problem))
        {
            return problem;
        }

        var request = JobSearchRequestParser.Parse(context.Request.Query, JobSearchRequest.MaxLimit);
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

    private static async Task<Results<ContentHttpResult, ProblemHttpResult, NotFound>> PostingAsync(
        int id, HttpContext context, JobBoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var posting = await db.Postings.FindForDisplayAsync(id, cancellationToken);
        if (posting is null || !posting.HasPublicPage)
        {
            return TypedResults.NotFound();
        }

        var origin = context.Request.Origin();
        var url = $"{origin}/jobs/{posting.Id}/{posting.Slug}";
        if (!posting.IsOpen(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            // As on its page: the ad is over, but what is related to it is still worth a client's time.
            var recommendations = $"{origin}/api/v1/jobs/{posting.Id}/recommendations";
            return TypedResults.Problem(
                detail: $"This job is no longer open. Open jobs like it: {recommendations}",
                instance: context.Request.Path,
                statusCode: StatusCodes.Status410Gone,
                extensions: new Dictionary<string, object?> { ["recommendations"] = recommendations, ["page"] = url });
        }

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
