using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace JobBoard.Tests.Infrastructure;

/// <summary>
/// Submits a page's form as a browser would: GET the page, take every field the form carries (the antiforgery token,
/// hidden ids, the values already filled in), change the ones given, and POST it to the form's action.
/// </summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <param name="formSelector">CSS selector of the form; the first POST form of the page's main content when null.</param>
    /// <param name="fields">Values to set, by field name; a name given twice sends both values (a list).</param>
    /// <param name="submitter">Name and value of the button pressed (Razor Pages handlers: "handler" = "Submit").</param>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl,
        IEnumerable<KeyValuePair<string, string>>? fields = null, string? formSelector = null, KeyValuePair<string, string>? submitter = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        // The page's own forms are in <main>; the layout's (sign out in the nav) are not what a test means.
        var form = (formSelector is null
            ? page.QuerySelectorAll<IHtmlFormElement>("main form").FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            : page.QuerySelector<IHtmlFormElement>(formSelector))
            ?? throw new InvalidOperationException($"No form {formSelector ?? "(POST)"} on {pageUrl}:\n{page.Body?.TextContent[..Math.Min(500, page.Body.TextContent.Length)]}");
        return await client.PostFormAsync(form, pageUrl, fields, submitter);
    }

    /// <summary>Posts <paramref name="form"/> (from a page already read) with <paramref name="fields"/> changed.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlFormElement form, string pageUrl,
        IEnumerable<KeyValuePair<string, string>>? fields = null, KeyValuePair<string, string>? submitter = null)
    {
        var values = CurrentValues(form);
        var overrides = (fields ?? []).ToList();
        foreach (var name in overrides.Select(f => f.Key).Distinct())
        {
            values.RemoveAll(v => v.Key == name);
        }

        values.AddRange(overrides);
        if (submitter is { } pressed)
        {
            values.Add(pressed);
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    private static List<KeyValuePair<string, string>> CurrentValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button" or "file" or "image" or "reset"):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }

        return values;
    }
}
