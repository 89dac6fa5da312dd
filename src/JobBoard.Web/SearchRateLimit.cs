using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web;

/// <summary>
/// Searches (the search page, its RSS feed and the JSON API) are the board's dearest requests, a worst case about a
/// tenth of a second of a core, and anyone may send them. Each client address gets a bucket of
/// <c>RateLimiting:SearchesPerMinute</c> searches a minute (half of them at once); past it, 429 with Retry-After and the
/// "too many requests" page (problem+json under /api/). 0 turns the limit off. Posting pages are not limited: they
/// are cheap, and search engines read them.
/// </summary>
public static class SearchRateLimit
{
    public const string Policy = "searches";

    public static IServiceCollection AddSearchRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimiting:SearchesPerMinute", 120);
        if (perMinute < 0)
        {
            throw new InvalidOperationException($"RateLimiting:SearchesPerMinute is a number of searches, 0 for no limit; not {perMinute}.");
        }

        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, context => perMinute == 0
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.Get(context.Connection.RemoteIpAddress?.ToString() ?? string.Empty, _ => new TokenBucket(
                    context.RequestServices.GetRequiredService<TimeProvider>(), Math.Max(1, perMinute / 2), TimeSpan.FromMinutes(1) / perMinute)));
        });
    }
}
