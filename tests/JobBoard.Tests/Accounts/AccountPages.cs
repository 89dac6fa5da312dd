using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using JobBoard.Tests.Infrastructure;
using MimeKit;

namespace JobBoard.Tests.Accounts;

/// <summary>The account pages as a person uses them: their forms submitted whole, their mails read from the SMTP catcher.</summary>
public static partial class AccountPages
{
    private static readonly HtmlParser Parser = new();

    public static Dictionary<string, string> Registration(string email, string kind = "Seeker", string? company = null, string choice = "New") => new()
    {
        ["Form.Kind"] = kind,
        ["Form.DisplayName"] = "Dana Reyes",
        ["Form.Email"] = email,
        ["Form.Password"] = TestAccounts.Password,
        ["Form.ConfirmPassword"] = TestAccounts.Password,
        ["Form.Company"] = choice,
        ["Form.CompanyName"] = company ?? string.Empty,
    };

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, IDictionary<string, string> fields) =>
        client.SubmitFormAsync("/Account/Register", fields, "form[data-testid=register]");

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = TestAccounts.Password, string page = "/Account/SignIn") =>
        client.SubmitFormAsync(page, new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Password"] = password }, "form[data-testid=sign-in]");

    public static async Task<IDocument> DocumentAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The message shown under a field, empty when there is none.</summary>
    public static string FieldMessage(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.Text() ?? string.Empty;

    /// <summary>The one link to the board in the latest mail to <paramref name="address"/>, as a path and query.</summary>
    public static async Task<string> LinkInMailAsync(this JobBoardApp app, string address, string subjectContains)
    {
        var received = await app.Mail.WaitForAsync(address);
        var message = received.LastOrDefault(m => m.Subject?.Contains(subjectContains, StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException($"No mail \"{subjectContains}\" to {address}; received: {string.Join(", ", received.Select(m => m.Subject))}");
        return PathOf(message);
    }

    public static string PathOf(MimeMessage message)
    {
        var link = Link().Match(message.TextBody ?? string.Empty);
        link.Success.Should().BeTrue($"the mail \"{message.Subject}\" carries a link");
        var uri = new Uri(link.Value);
        uri.Host.Should().Be("localhost", "the link points at the board the request came to");
        return uri.PathAndQuery;
    }

    public static void ShouldRedirectTo(this HttpResponseMessage response, string pathAndQuery)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(pathAndQuery);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
