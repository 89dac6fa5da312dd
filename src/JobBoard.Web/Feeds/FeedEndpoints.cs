namespace JobBoard.Web.Feeds;

/// <summary>The board for machines: RSS of any search. Not part of the API's description.</summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/jobs.rss", JobsFeed.WriteAsync).ExcludeFromDescription();
        return app;
    }
}
