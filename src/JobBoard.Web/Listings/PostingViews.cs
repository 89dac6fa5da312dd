using System.Text.RegularExpressions;
using JobBoard.Web.Authorization;

namespace JobBoard.Web.Listings;

/// <summary>
/// Counts a view of a posting's public page (<see cref="PostingActivity"/>) for every 200 answer to a person's GET,
/// served afresh or from the output cache alike: it runs before the cache. Crawlers, link previews, monitors and
/// scripts that say what they are in their User-Agent (or send none) are not counted.
/// </summary>
public static partial class PostingViews
{
    public static IApplicationBuilder UsePostingViews(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (HttpMethods.IsGet(context.Request.Method)
            && context.Response.StatusCode == StatusCodes.Status200OK
            && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { ViewEnginePath: "/Jobs/Details" }
            && context.Request.RouteValues.TryGetValue("id", out var value)
            && int.TryParse(value?.ToString(), out var postingId)
            && !IsBot(context.Request.Headers.UserAgent.ToString()))
        {
            context.RequestServices.GetRequiredService<PostingActivity>()
                .CountView(postingId, context.User.UserId());
        }
    });

    /// <summary>No User-Agent, or one that names a crawler, a preview fetcher, a monitor, a headless browser or a script.</summary>
    public static bool IsBot(string? userAgent) => string.IsNullOrWhiteSpace(userAgent) || BotPattern().IsMatch(userAgent);

    [GeneratedRegex(
        @"bot\b|bot/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|preview|monitor|pingdom|uptime|lighthouse|pagespeed|"
        + @"headlesschrome|phantomjs|curl|wget|python|httpclient|okhttp|go-http|java/|libwww|node-fetch|axios|scrapy|wrk|apachebench|hey/|h2load",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotPattern();
}
