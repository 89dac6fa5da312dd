using JobBoard.Web.Feeds;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;

namespace JobBoard.Web.Pages.ApiDocs;

/// <summary>
/// The API's reference at <c>/api</c>, rendered on the server from the same OpenAPI document that
/// <c>/api/openapi/v1.json</c> serves, asked of the OpenAPI services in-process: no script, so the strict content
/// security policy holds.
/// </summary>
public sealed class IndexModel([FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : PageModel
{
    public const string DocumentUrl = "/api/openapi/v1.json";

    public ApiReference Reference { get; private set; } = null!;

    public string Origin { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reference = ApiReference.From(await documents.GetOpenApiDocumentAsync(cancellationToken));
        Origin = Request.Origin();
    }

    /// <summary>A description with its `backticked` runs as code, the one piece of Markdown the API's descriptions use; all text encoded.</summary>
    public static IHtmlContent Inline(string text)
    {
        var html = new HtmlContentBuilder();
        var runs = text.Split('`');
        for (var i = 0; i < runs.Length; i++)
        {
            if (i % 2 == 1 && i < runs.Length - 1)
            {
                html.AppendHtml("<code>").Append(runs[i]).AppendHtml("</code>");
            }
            else
            {
                html.Append(i % 2 == 1 ? "`" + runs[i] : runs[i]);
            }
        }

        return html;
    }

    /// <summary>A type as code, the shapes it names linked to their tables further down.</summary>
    public static IHtmlContent Type(IReadOnlyList<TypePart> parts)
    {
        var html = new HtmlContentBuilder().AppendHtml("<code class=\"api-type\">");
        foreach (var part in parts)
        {
            if (part.Schema is null)
            {
                html.Append(part.Text);
            }
            else
            {
                html.AppendHtml("<a href=\"#").Append(ApiSchema.SchemaAnchor(part.Schema)).AppendHtml("\">").Append(part.Text).AppendHtml("</a>");
            }
        }

        return html.AppendHtml("</code>");
    }
}
