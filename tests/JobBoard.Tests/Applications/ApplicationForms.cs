using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Applications;

/// <summary>Sends the on-board application form as a browser does: multipart, every field the page filled in, the CV as a file.</summary>
public static class ApplicationForms
{
    public static string FormUrl(int postingId) => $"/jobs/{postingId}/apply/form";

    public static async Task<HttpResponseMessage> ApplyAsync(
        this HttpClient client, int postingId, (string Name, string ContentType, byte[] Content)? cv, IDictionary<string, string>? fields = null)
    {
        var page = await client.GetDocumentAsync(FormUrl(postingId));
        var form = page.QuerySelector<IHtmlFormElement>("form[data-testid=application-form]")
            ?? throw new InvalidOperationException($"No application form on {FormUrl(postingId)}: {page.Body?.TextContent.Trim()}");
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type is not "file" && !string.IsNullOrEmpty(i.Name))
            .Select(i => (i.Name!, i.Value))
            .Concat(form.Elements.OfType<IHtmlTextAreaElement>().Select(t => (t.Name!, t.Value)))
            .ToDictionary(v => v.Item1, v => v.Item2);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        if (cv is { } file)
        {
            var bytes = new ByteArrayContent(file.Content);
            bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(bytes, "Cv", file.Name);
        }

        return await client.PostAsync(new Uri(FormUrl(postingId), UriKind.Relative), content);
    }
}
