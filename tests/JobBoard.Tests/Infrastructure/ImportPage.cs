using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace JobBoard.Tests.Infrastructure;

/// <summary>The recruiter's import page (<c>/Recruiter/Postings/Import</c>), driven as a browser drives it.</summary>
public static class ImportPage
{
    public const string Url = "/Recruiter/Postings/Import";

    /// <summary>Posts the form as a browser does with a file chosen: multipart, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> UploadJsonLdAsync(this HttpClient client, string fileName, string json)
    {
        var page = await client.GetDocumentAsync(Url);
        var token = page.QuerySelector<IHtmlInputElement>("[data-testid=import-form] input[name=__RequestVerificationToken]")!.Value;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/ld+json");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(string.Empty), "Text" },
            { file, "JsonLd", fileName },
        };
        return await client.PostAsync(new Uri(Url, UriKind.Relative), form);
    }
}
