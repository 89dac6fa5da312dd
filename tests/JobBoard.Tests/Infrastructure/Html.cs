using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace JobBoard.Tests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    /// <summary>GETs a page without following redirects and parses it.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this JobBoardApp app, string url)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response, document);
    }

    public static async Task<IDocument> ParseAsync(string html) => await Parser.ParseDocumentAsync(html);

    /// <summary>The visible text of an element with runs of white space folded, as a reader would quote it.</summary>
    public static string Text(this IElement element) => Fold(element.TextContent);

    public static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
