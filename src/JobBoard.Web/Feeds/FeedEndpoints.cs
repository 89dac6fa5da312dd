using JobBoard.Data;

namespace JobBoard.Web.Feeds;

/// <summary>The board for machines: RSS of any search, the sitemap and robots.txt. None of them is part of the API's description.</summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder root)
    {
        // Feeds, sitemaps and robots.txt are for everyone, crawlers first.
        var app = root.MapGroup(string.Empty).AllowAnonymous();
        app.MapGet("/feeds/jobs.rss", JobsFeed.WriteAsync).RequireRateLimiting(RateLimits.Searches).ExcludeFromDescription();
        app.MapGet("/sitemap.xml", Sitemaps.IndexAsync).ExcludeFromDescription();
        app.MapGet("/sitemaps/pages.xml", Sitemaps.PagesAsync).ExcludeFromDescription();
        app.MapGet("/sitemaps/companies-{number:int:min(1)}.xml",
            (int number, HttpContext context, JobBoardDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                Sitemaps.ChunkAsync(Sitemaps.Companies, number, context, db, clock, cancellationToken)).ExcludeFromDescription();
        app.MapGet("/sitemaps/jobs-{number:int:min(1)}.xml",
            (int number, HttpContext context, JobBoardDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                Sitemaps.ChunkAsync(Sitemaps.Jobs, number, context, db, clock, cancellationToken)).ExcludeFromDescription();
        app.MapGet("/robots.txt", RobotsTxt.WriteAsync).ExcludeFromDescription();
        return root;
    }
}
