using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace JobBoard.Web;

/// <summary>
/// The board's per-client-address limits, each a named policy with a <see cref="TokenBucket"/> per address that holds
/// a share of its window's requests and refills over the window. Past it: 429 with Retry-After and the "too many requests" page
/// (problem+json under /api/). A page or endpoint opts in with <c>[EnableRateLimiting(RateLimits.X)]</c> or
/// <c>.RequireRateLimiting(RateLimits.X)</c>; a new limit is one line in <see cref="Policies"/>. A setting of 0 turns a
/// limit off (the tests do, except the tests of the limits).
/// </summary>
public static class RateLimits
{
    /// <summary>
    /// Searches (the search page, its RSS feed and the JSON API), the board's dearest requests: a worst case about a tenth
    /// of a second of a core, and anyone may send them. Posting pages are not limited: they are cheap, and search
    /// engines read them.
    /// </summary>
    public const string Searches = "searches";

    /// <summary>
    /// Form posts of the account pages (sign in, register, forgot password, reset password, resend confirmation): slows
    /// password guessing across accounts, which the per-account lockout does not, and mail sent to strangers.
    /// </summary>
    public const string Accounts = "accounts";

    /// <summary>
    /// Reports of postings (the report form's POST): they reach an admin's queue, so a script must not flood it. Counted
    /// by the hour: a person reports a posting or two, not ten a minute.
    /// </summary>
    public const string Reports = "reports";

    /// <summary>
    /// Saving a search as an alert (its form's POST): a guest's post mails a confirmation link to the address given, so a
    /// script must not make the board mail strangers. Counted by the hour.
    /// </summary>
    public const string Alerts = "alerts";

    /// <summary>
    /// Apply clicks and on-board applications (<c>/jobs/{id}/apply</c> and its form): each click is a row, so a script
    /// must not write them by the thousand. A person applies to a handful of jobs a minute at most.
    /// </summary>
    public const string Applies = "applies";

    /// <summary>
    /// Name, setting, default per window, the window, how much of it may come at once (half, a third), and whether only
    /// form posts count (the page itself stays readable).
    /// </summary>
    private static readonly RateLimitPolicy[] Policies =
    [
        new(Searches, "RateLimiting:SearchesPerMinute", 120, TimeSpan.FromMinutes(1), BurstShare: 2, PostsOnly: false),
        new(Accounts, "RateLimiting:AccountPostsPerMinute", 10, TimeSpan.FromMinutes(1), BurstShare: 2, PostsOnly: true),
        new(Reports, "RateLimiting:ReportsPerHour", 6, TimeSpan.FromHours(1), BurstShare: 3, PostsOnly: true),
        new(Alerts, "RateLimiting:AlertPostsPerHour", 10, TimeSpan.FromHours(1), BurstShare: 2, PostsOnly: true),
        new(Applies, "RateLimiting:AppliesPerMinute", 30, TimeSpan.FromMinutes(1), BurstShare: 2, PostsOnly: false),
    ];

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = Policies.Select(policy => (policy, perWindow: policy.PerWindow(configuration))).ToList();
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
            foreach (var (policy, perWindow) in limits)
            {
                // The unlimited partition's key is no address: a partition is made once per key, and a test client's
                // empty address must not find the unlimited one its GET made.
                options.AddPolicy(policy.Name, context => perWindow == 0 || (policy.PostsOnly && !HttpMethods.IsPost(context.Request.Method))
                    ? RateLimitPartition.GetNoLimiter("(not limited)")
                    : RateLimitPartition.Get(context.Connection.RemoteIpAddress?.ToString() ?? string.Empty, _ => new TokenBucket(
                        context.RequestServices.GetRequiredService<TimeProvider>(), Math.Max(1, perWindow / policy.BurstShare), policy.Window / perWindow)));
            }
        });
    }

    private sealed record RateLimitPolicy(string Name, string Setting, int DefaultPerWindow, TimeSpan Window, int BurstShare, bool PostsOnly)
    {
        public int PerWindow(IConfiguration configuration)
        {
            var perWindow = configuration.GetValue(Setting, DefaultPerWindow);
            return perWindow >= 0
                ? perWindow
                : throw new InvalidOperationException($"{Setting} is a number of requests, 0 for no limit; not {perWindow}.");
        }
    }
}
