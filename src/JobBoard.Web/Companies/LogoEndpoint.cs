using JobBoard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace JobBoard.Web.Companies;

/// <summary>
/// Serves a company's uploaded logo to anyone at <c>/companies/{slug}/logo?v={version}</c>. The address changes with the
/// image, so a request naming the current version may be cached for a year; any other is cached briefly.
/// </summary>
public static class LogoEndpoint
{
    public static string Address(string companySlug, string version) => $"/companies/{companySlug}/logo?v={version}";

    public static IEndpointRouteBuilder MapCompanyLogos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/companies/{slug}/logo", ServeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string slug, string? v, HttpContext context, JobBoardDbContext db, CancellationToken cancellationToken)
    {
        var logo = await db.CompanyLogos.AsNoTracking()
            .Where(l => db.Companies.Any(c => c.Id == l.CompanyId && c.Slug == slug))
            .Select(l => new { l.ContentType, l.Content, l.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (logo is null)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = v == logo.Version ? "public, max-age=31536000, immutable" : "public, max-age=300";
        headers.XContentTypeOptions = "nosniff";
        // The bytes were re-encoded by the board; nothing in them may run as a document even if opened directly.
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.Bytes(logo.Content, logo.ContentType, entityTag: new EntityTagHeaderValue($"\"{logo.Version}\""));
    }
}
