namespace JobBoard.Web.Feeds;

internal static class SiteAddress
{
    /// <summary>"https://jobs.example.com": absolute links in feeds, sitemaps and robots.txt come from the request, as the API's do.</summary>
    public static string Origin(this HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
