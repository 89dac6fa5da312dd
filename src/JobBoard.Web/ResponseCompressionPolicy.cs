using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace JobBoard.Web;

/// <summary>
/// Brotli or gzip, as the browser asks, for the site's text: pages, styles, scripts, feeds, JSON and SVG. A page sent to
/// a signed-in user is sent uncompressed: it carries an antiforgery token beside text a stranger can put in the
/// address (a search, a posting), and the compressed length of such a response leaks the token byte by byte (BREACH).
/// Guests' pages (every page crawlers, link previews and first visits see) and static files are always compressed.
/// </summary>
public static class ResponseCompressionPolicy
{
    public static IServiceCollection AddBoardResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["image/svg+xml", "application/rss+xml", "application/atom+xml", "application/ld+json", "application/problem+json"]);
        });
        // Optimal is Brotli quality 4 and zlib level 6, both cheap next to rendering a page; Fastest (quality 1) left a
        // small page at a third of its size, Optimal takes it to under a quarter (FirstPaintTests).
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    public static IApplicationBuilder UseBoardResponseCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => IsStaticFile(context.Request) || !context.Request.Cookies.ContainsKey(Accounts.BoardAccounts.SessionCookie),
            branch => branch.UseResponseCompression());

    /// <summary>
    /// One year and immutable for a file addressed with its content hash (<c>asp-append-version</c> adds <c>?v=</c>):
    /// a new version has a new address. Other static files are revalidated (their ETag makes that a 304).
    /// </summary>
    public static void SetStaticFileCaching(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context)
    {
        var headers = context.Context.Response.GetTypedHeaders();
        headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
            ? new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } }
            : new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(1) };
    }

    private static bool IsStaticFile(HttpRequest request) =>
        request.Path.StartsWithSegments("/css") || request.Path.StartsWithSegments("/js")
        || request.Path.Equals("/favicon.svg", StringComparison.OrdinalIgnoreCase);
}
