using System.Globalization;
using System.Text;
using System.Xml;
using JobBoard.Data;
using JobBoard.Domain.Postings;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Feeds;

/// <summary>
/// The sitemap protocol allows 50,000 URLs a file, so <c>/sitemap.xml</c> is an index of <c>/sitemaps/pages.xml</c>
/// (home, /jobs, /companies, the categories' landing pages), <c>/sitemaps/companies-{n}.xml</c> (companies with open postings) and <c>/sitemaps/jobs-{n}.xml</c>
/// (open postings). File n holds ids (n-1)·50,000+1 to n·50,000, so a posting keeps its file as others open and
/// close; a file is read in keyset batches over the primary key and written to the response batch by batch, so neither
/// the database nor the app ever holds a whole file.
/// </summary>
public static class Sitemaps
{
    public const int UrlsPerFile = 50_000;

    public const string ContentType = "application/xml; charset=utf-8";

    private const int BatchSize = 5_000;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static readonly ChunkedPages Jobs = new(
        "jobs",
        (db, today) => db.Postings.WhereOpen(today).Select(p => new SitemapRow { Id = p.Id, Slug = p.Slug, LastModified = p.UpdatedAt }),
        (db, cancellationToken) => db.Postings.MaxAsync(p => (int?)p.Id, cancellationToken),
        row => $"/jobs/{row.Id}/{row.Slug}");

    public static readonly ChunkedPages Companies = new(
        "companies",
        (db, today) => db.Companies
            .Where(c => db.Postings.WhereOpen(today).Any(p => p.CompanyId == c.Id))
            .Select(c => new SitemapRow { Id = c.Id, Slug = c.Slug }),
        (db, cancellationToken) => db.Companies.MaxAsync(c => (int?)c.Id, cancellationToken),
        row => $"/companies/{row.Slug}");

    private static readonly ChunkedPages[] Chunked = [Companies, Jobs];

    private static readonly XmlWriterSettings Settings = new() { Async = true, Encoding = new UTF8Encoding(false) };

    /// <summary>Lists the pages file and every chunk that has at least one open page; an empty chunk would be an invalid file.</summary>
    public static async Task IndexAsync(HttpContext context, JobBoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = Today(clock);
        var files = new List<string> { "/sitemaps/pages.xml" };
        foreach (var pages in Chunked)
        {
            var chunks = Chunks(await pages.MaxId(db, cancellationToken));
            for (var number = 1; number <= chunks; number++)
            {
                if (await InChunk(pages.Rows(db, today), number).AnyAsync(cancellationToken))
                {
                    files.Add($"/sitemaps/{pages.Name}-{number}.xml");
                }
            }
        }

        var origin = context.Request.Origin();
        await using var xml = await StartAsync(context, "sitemapindex");
        foreach (var file in files)
        {
            await xml.WriteStartElementAsync(null, "sitemap", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, origin + file);
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndDocumentAsync();
    }

    /// <summary>
    /// The pages that are not one posting or one company: home, every job, the company directory and each category's
    /// landing page, <c>/jobs?category={slug}</c> (the search page narrowed to the category: its canonical address,
    /// titled "Healthcare jobs"), for the categories with an open posting.
    /// </summary>
    public static async Task PagesAsync(HttpContext context, JobBoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var open = db.Postings.WhereOpen(Today(clock));
        var categories = await db.Categories.AsNoTracking()
            .Where(c => db.Set<PostingCategory>().Any(pc => pc.CategoryId == c.Id && open.Any(p => p.Id == pc.PostingId)))
            .OrderBy(c => c.Slug)
            .Select(c => c.Slug)
            .ToListAsync(cancellationToken);

        var origin = context.Request.Origin();
        await using var xml = await StartAsync(context, "urlset");
        await WriteUrlAsync(xml, origin + "/", null);
        await WriteUrlAsync(xml, origin + "/jobs", null);
        await WriteUrlAsync(xml, origin + "/companies", null);
        foreach (var slug in categories)
        {
            await WriteUrlAsync(xml, origin + CategoryLandingPath(slug), null);
        }

        await xml.WriteEndDocumentAsync();
    }

    /// <summary>"/jobs?category=healthcare": where a category's jobs are listed for search engines and links.</summary>
    public static string CategoryLandingPath(string slug) => "/jobs" + QueryString.Create("category", slug).ToUriComponent();

    public static async Task ChunkAsync(
        ChunkedPages pages, int number, HttpContext context, JobBoardDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rows = InChunk(pages.Rows(db, Today(clock)), number).OrderBy(r => r.Id);
        var batch = number <= Chunks(await pages.MaxId(db, cancellationToken))
            ? await rows.Take(BatchSize).ToListAsync(cancellationToken)
            : [];
        if (batch.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var origin = context.Request.Origin();
        await using var xml = await StartAsync(context, "urlset");
        while (true)
        {
            foreach (var row in batch)
            {
                await WriteUrlAsync(xml, origin + pages.Path(row), row.LastModified);
            }

            await xml.FlushAsync();
            if (batch.Count < BatchSize)
            {
                break;
            }

            var after = batch[^1].Id;
            batch = await rows.Where(r => r.Id > after).Take(BatchSize).ToListAsync(cancellationToken);
        }

        await xml.WriteEndDocumentAsync();
    }

    /// <summary>How many files cover ids 1 to <paramref name="maxId"/>.</summary>
    private static int Chunks(int? maxId) => maxId is { } max && max > 0 ? (int)((max + (long)UrlsPerFile - 1) / UrlsPerFile) : 0;

    private static IQueryable<SitemapRow> InChunk(IQueryable<SitemapRow> rows, int number)
    {
        var after = (int)Math.Min((number - 1L) * UrlsPerFile, int.MaxValue);
        var last = (int)Math.Min((long)number * UrlsPerFile, int.MaxValue);
        return rows.Where(r => r.Id > after && r.Id <= last);
    }

    private static async Task<XmlWriter> StartAsync(HttpContext context, string root)
    {
        context.Response.ContentType = ContentType;
        var xml = XmlWriter.Create(context.Response.Body, Settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, root, Namespace);
        return xml;
    }

    private static async Task WriteUrlAsync(XmlWriter xml, string location, DateTimeOffset? lastModified)
    {
        await xml.WriteStartElementAsync(null, "url", Namespace);
        await xml.WriteElementStringAsync(null, "loc", Namespace, location);
        if (lastModified is { } modified)
        {
            await xml.WriteElementStringAsync(null, "lastmod", Namespace, modified.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        await xml.WriteEndElementAsync();
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>Pages listed in sitemap files by id range: the open ones, the highest id ever used, and each one's path.</summary>
public sealed record ChunkedPages(
    string Name,
    Func<JobBoardDbContext, DateOnly, IQueryable<SitemapRow>> Rows,
    Func<JobBoardDbContext, CancellationToken, Task<int?>> MaxId,
    Func<SitemapRow, string> Path);

/// <summary>Built with an object initializer, not a constructor, so that EF can still filter and order by its members.</summary>
public sealed record SitemapRow
{
    public int Id { get; init; }

    public string Slug { get; init; } = string.Empty;

    public DateTimeOffset? LastModified { get; init; }
}
