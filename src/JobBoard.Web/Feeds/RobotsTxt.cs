namespace JobBoard.Web.Feeds;

/// <summary>
/// Crawlers may read every page but the JSON API (its docs page at <c>/api</c> stays open), the feeds (the sitemap
/// lists the same postings once, canonically), health probes and the Apply route (each visit is a recorded click and
/// leads off the board or to a form that needs an account). Only routes the app serves are named: a rule is
/// added with its route, not before (RobotsTxtTests holds every path here to a route that answers).
/// </summary>
public static class RobotsTxt
{
    public static Task WriteAsync(HttpContext context)
    {
        var text = $"""
            User-agent: *
            Allow: /
            Disallow: /api/
            Disallow: /feeds/
            Disallow: /health/
            Disallow: /jobs/*/apply

            Sitemap: {context.Request.Origin()}/sitemap.xml

            """;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
