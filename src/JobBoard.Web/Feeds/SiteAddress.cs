namespace JobBoard.Web.Feeds;

internal static class SiteAddress
{
    /// <summary>"https://jobs.example.com": absolute links in feeds, sitemaps, robots.txt and the API come from the request
    /// (behind a proxy, as it forwarded it: see <see cref="ReverseProxy"/>).</summary>
    public static string Origin(this HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
