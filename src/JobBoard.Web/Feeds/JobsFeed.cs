using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using JobBoard.Data;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Web.Listings;
using JobBoard.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Feeds;

/// <summary>
/// RSS 2.0 of any search: <c>/feeds/jobs.rss</c> takes the parameters of <c>/jobs</c> and lists the newest 50 matches
/// (fewer with <c>limit</c>; in the search's own order when <c>sort</c> is given; <c>page</c> is ignored). Parameters
/// that make no sense are left out as on the page, so a mistyped subscription still gets a valid feed.
/// </summary>
public static class JobsFeed
{
    public const string ContentType = "application/rss+xml; charset=utf-8";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static async Task WriteAsync(
        HttpContext context, JobSearch search, BoardDirectories directories, JobBoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var asked = JobSearchRequestParser.Parse(query, JobSearchRequest.MaxLimit) with { Page = 1 };
        // The site pages 20 at a time; a feed gives 50 unless a valid "limit" asks for fewer.
        var limitAsked = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limitValue) && limitValue > 0;
        var request = asked with
        {
            Sort = asked.Sort ?? SearchSort.Date,
            Limit = limitAsked ? asked.Limit : JobSearchRequest.MaxLimit,
        };
        var result = await search.SearchAsync(request, cancellationToken);
        var categories = await CategoryNamesAsync(db, result.Hits, cancellationToken);
        var title = SearchHeading.Describe(request, result, await directories.CategoriesAsync(cancellationToken));

        var origin = context.Request.Origin();
        var searchQuery = asked.ToQueryString();
        var limit = request.Limit == JobSearchRequest.MaxLimit ? string.Empty : $"{(searchQuery.Length == 0 ? "?" : "&")}limit={request.Limit}";
        var order = request.Sort switch
        {
            SearchSort.Salary => "best paid first",
            SearchSort.Relevance => "best matches first",
            _ => "newest first",
        };
        var description = $"{title} on JobBoard, {order}."
            + (result.Problems.Count > 0 ? $" Ignored: {string.Join(" ", result.Problems)}" : string.Empty);

        var channel = new XElement("channel",
            new XElement("title", Clean($"{title} · JobBoard")),
            new XElement("link", $"{origin}/jobs{searchQuery}"),
            new XElement("description", Clean(description)),
            new XElement(Atom + "link",
                new XAttribute("href", $"{origin}/feeds/jobs.rss{searchQuery}{limit}"),
                new XAttribute("rel", "self"),
                new XAttribute("type", "application/rss+xml")),
            new XElement("language", "en"),
            new XElement("lastBuildDate", clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture)),
            result.Hits.Select(card => Item(card, categories[card.Id], origin)));
        var feed = new XDocument(new XElement("rss", new XAttribute("version", "2.0"), new XAttribute(XNamespace.Xmlns + "atom", Atom), channel));

        context.Response.ContentType = ContentType;
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        await using var writer = XmlWriter.Create(context.Response.Body, settings);
        await feed.SaveAsync(writer, cancellationToken);
    }

    private static XElement Item(JobCard card, IEnumerable<string> categories, string origin)
    {
        var url = origin + card.Url;
        return new XElement("item",
            new XElement("title", Clean($"{card.Title} at {card.Company}")),
            new XElement("link", url),
            new XElement("guid", new XAttribute("isPermaLink", "true"), url),
            card.DatePosted is { } posted
                ? new XElement("pubDate", posted.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture))
                : null,
            new XElement("description", Clean(DescriptionHtml(card))),
            categories.Select(name => new XElement("category", Clean(name))));
    }

    /// <summary>
    /// Feed readers show an item's description as HTML, so the posting's text is HTML-encoded here and then escaped
    /// again by the XML writer: "&lt;script&gt;" in an ad reaches the reader as text, never as markup.
    /// </summary>
    private static string DescriptionHtml(JobCard card)
    {
        var facts = new List<string> { card.Company };
        if (card.MainPlace is { } place)
        {
            facts.Add(card.PlaceCount > 1 ? $"{place.DisplayName} and {card.PlaceCount - 1} more" : place.DisplayName);
        }

        facts.Add(card.WorkMode.ToDisplay());
        if (card.EmploymentType is { } type)
        {
            facts.Add(type.ToDisplay());
        }

        if (card.Compensation is { } pay && Display.Salary(pay) is { Length: > 0 } salary)
        {
            facts.Add(salary);
        }

        var html = new StringBuilder("<p>").AppendJoin(" · ", facts.Select(WebUtility.HtmlEncode)).Append("</p>");
        if (Display.Snippet(card.Summary) is { Length: > 0 } snippet)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(snippet)).Append("</p>");
        }

        return html.ToString();
    }

    private static async Task<ILookup<int, string>> CategoryNamesAsync(JobBoardDbContext db, IReadOnlyList<JobCard> hits, CancellationToken cancellationToken)
    {
        var ids = hits.Select(h => h.Id).ToList();
        var rows = ids.Count == 0
            ? []
            : await db.Set<PostingCategory>().AsNoTracking()
                .Where(pc => ids.Contains(pc.PostingId))
                .OrderBy(pc => pc.PostingId).ThenBy(pc => pc.Position)
                .Select(pc => new { pc.PostingId, pc.Category.Name })
                .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.PostingId, r => r.Name);
    }

    private static string Clean(string text) => XmlText.Clean(text);
}
