using JobBoard.Domain.Companies;
using JobBoard.Web.Companies;
using JobBoard.Web.Feeds;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace JobBoard.Web.Pages.Shared;

/// <summary>
/// What a page says about itself to search engines and to the apps a link is shared in: its canonical address, and the
/// Open Graph and Twitter card that <c>_SocialMeta.cshtml</c> renders in every page's head. A page states its title and
/// description as it always has (<c>ViewData["Title"]</c>, <c>ViewData["Description"]</c>); it may set its canonical
/// address outright (<c>ViewData["Canonical"]</c>, absolute) and a picture (<see cref="SetSocialImage"/>).
/// </summary>
public sealed record SocialMeta(string Title, string Description, string Canonical, string Type, string? Image, string? ImageAlt, bool HasOwnDescription)
{
    public const string SiteName = "JobBoard";

    /// <summary>What a page without a description of its own is described as.</summary>
    public const string SiteDescription = "Search open jobs by title, skill, company and place, and apply on the employer's own site.";

    private const string ImageKey = "SocialImage";

    private const string ImageAltKey = "SocialImageAlt";

    private const string TypeKey = "SocialType";

    public static SocialMeta For(ViewContext view)
    {
        var request = view.HttpContext.Request;
        var data = view.ViewData;
        var origin = request.Origin();
        var description = data["Description"] as string;
        var image = data[ImageKey] as string;
        return new SocialMeta(
            Title: data["Title"] is string { Length: > 0 } title ? title : SiteName,
            Description: string.IsNullOrWhiteSpace(description) ? SiteDescription : description,
            Canonical: data["Canonical"] is string { Length: > 0 } canonical ? canonical : origin + CanonicalPathAndQuery(view.HttpContext),
            Type: data[TypeKey] as string ?? "website",
            Image: image is null ? null : Absolute(origin, image),
            ImageAlt: data[ImageAltKey] as string,
            HasOwnDescription: !string.IsNullOrWhiteSpace(description));
    }

    /// <summary>The picture shared with a link to the page, such as the company's logo: relative to the site or absolute.</summary>
    public static void SetSocialImage(ViewDataDictionary viewData, string? url, string alt)
    {
        if (!string.IsNullOrEmpty(url))
        {
            viewData[ImageKey] = url;
            viewData[ImageAltKey] = alt;
        }
    }

    /// <summary>The company's logo, uploaded to the board or named by its import, as the picture of a page about it or its posting.</summary>
    public static void SetCompanyLogo(ViewDataDictionary viewData, Company company) =>
        SetSocialImage(viewData, company.LogoVersion is { } version ? LogoEndpoint.Address(company.Slug, version) : company.LogoUrl, $"{company.Name} logo");

    /// <summary>
    /// "/jobs?category=healthcare": the page's path as its route spells it (so "/JOBS" and "/jobs" name one page), then
    /// only the query keys the page declares with <see cref="CanonicalQueryAttribute"/>, in the order it declares them;
    /// sort orders, tracking tags, return addresses and empty values are no part of a page's identity.
    /// </summary>
    public static string CanonicalPathAndQuery(HttpContext context)
    {
        var request = context.Request;
        // An error page shown in place of the page asked for (a 404) is about the address asked for.
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        var path = reExecuted is not null
            ? reExecuted.OriginalPathBase + reExecuted.OriginalPath
            : request.PathBase + (RoutePath(context.GetEndpoint()) ?? request.Path.Value);
        if (string.IsNullOrEmpty(path))
        {
            path = "/";
        }

        var keys = reExecuted is null ? context.GetEndpoint()?.Metadata.GetMetadata<CanonicalQueryAttribute>()?.Keys : null;
        if (keys is null || keys.Count == 0)
        {
            return path;
        }

        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var key in keys)
        {
            foreach (var value in request.Query[key])
            {
                if (string.IsNullOrWhiteSpace(value) || (key == CanonicalQueryAttribute.PageKey && value.Trim() == "1"))
                {
                    continue;
                }

                pairs.Add(new(key, value.Trim()));
            }
        }

        return path + QueryString.Create(pairs).ToUriComponent();
    }

    /// <summary>"/Account/SignIn" for a request to "/account/signin": the route's own spelling, when it has no parameters to fill.</summary>
    private static string? RoutePath(Endpoint? endpoint)
    {
        if (endpoint is not RouteEndpoint { RoutePattern: { Parameters.Count: 0 } pattern } || pattern.RawText is not { } raw)
        {
            return null;
        }

        // Razor Pages answers an index page at its folder and at ".../Index"; the folder is its address.
        var path = "/" + raw.Trim('/');
        if (path.Equals("/Index", StringComparison.OrdinalIgnoreCase))
        {
            return "/";
        }

        return path.EndsWith("/Index", StringComparison.OrdinalIgnoreCase) ? path[..^"/Index".Length] : path;
    }

    /// <summary>A site path made absolute, or an absolute web address; anything else (a "javascript:" address) is no picture.</summary>
    private static string? Absolute(string origin, string url)
    {
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return origin + url;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            ? absolute.AbsoluteUri
            : null;
    }
}

/// <summary>
/// The query keys that make a distinct page of this page model (<c>[CanonicalQuery("letter", "page")]</c>), in the order
/// its canonical address lists them; any other key is left out of the canonical address. A page without it is one page
/// whatever its query.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CanonicalQueryAttribute(params string[] keys) : Attribute
{
    /// <summary>Page 1 is the page without the key.</summary>
    public const string PageKey = "page";

    public IReadOnlyList<string> Keys { get; } = keys;
}
