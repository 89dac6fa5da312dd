using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web.Moderation;

/// <summary>
/// Reports of postings reach an admin's queue, so a script must not flood it: each client address may file
/// <c>RateLimiting:ReportsPerHour</c> reports an hour (a third of them at once); past it, 429 with Retry-After. Only the
/// POST is counted: reading the report form costs nothing. 0 turns the limit off. The rejection itself (status,
/// Retry-After) is configured once for every policy in <see cref="SearchRateLimit"/>.
/// </summary>
public static class ReportRateLimit
{
    public const string Policy = "reports";

    public static IServiceCollection AddReportRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perHour = configuration.GetValue("RateLimiting:ReportsPerHour", 6);
        if (perHour < 0)
        {
            throw new InvalidOperationException($"RateLimiting:ReportsPerHour is a number of reports, 0 for no limit; not {perHour}.");
        }

        return services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, context =>
            perHour == 0 || !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("not counted")
                : RateLimitPartition.Get("reports from " + context.Connection.RemoteIpAddress, _ => new TokenBucket(
                    context.RequestServices.GetRequiredService<TimeProvider>(), Math.Max(1, perHour / 3), TimeSpan.FromHours(1) / perHour))));
    }
}
