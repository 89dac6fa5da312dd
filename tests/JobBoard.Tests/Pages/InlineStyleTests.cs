using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Pages;

/// <summary>
/// The Content Security Policy allows no inline style or script, so a page carrying one shows the browser an error and
/// loses that style: every form page is checked, empty and after a failed post.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class InlineStyleTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task No_form_page_carries_an_inline_style_or_script_even_with_validation_errors()
    {
        var company = Company();
        await app.InsertAsync(company);
        var recruiter = await app.SignedInClientAsync(await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, company, password: null));
        var admin = await app.SignedInClientAsync(await app.CreateUserAsync("admin@jobboard.test", BoardRoles.Admin, password: null));
        var guest = app.GuestClient();
        var pages = new List<(HttpClient Client, string Url)>
        {
            (guest, "/Account/Register"), (guest, "/Account/SignIn"), (guest, "/Account/ForgotPassword"),
            (recruiter, "/Recruiter"), (recruiter, "/Recruiter/Postings/New"), (recruiter, "/Recruiter/Postings/Import"),
            (recruiter, "/Recruiter/Company"), (recruiter, "/Recruiter/Company/Logo"), (recruiter, "/Recruiter/Team"),
            (admin, "/Admin"), (admin, "/Admin/Queue"), (admin, "/Admin/Categories"), (admin, "/Admin/Companies"), (admin, "/Admin/Reports"),
        };

        var found = new List<string>();
        foreach (var (client, url) in pages)
        {
            Inspect(url, await client.GetDocumentAsync(url));
        }

        // A failed post renders the summary with its errors.
        var failed = await recruiter.SubmitFormAsync("/Recruiter/Postings/New", [new("Form.Title", "")]);
        Inspect("/Recruiter/Postings/New after a failed save", await Html.ParseAsync(await failed.Content.ReadAsStringAsync()));

        found.Should().BeEmpty();

        void Inspect(string url, AngleSharp.Dom.IDocument page)
        {
            page.QuerySelector("main").Should().NotBeNull($"{url} is a page");
            found.AddRange(page.QuerySelectorAll("[style]").Select(e => $"{url}: <{e.LocalName} style=\"{e.GetAttribute("style")}\">"));
            found.AddRange(page.QuerySelectorAll("script:not([src])").Select(_ => $"{url}: an inline script"));
            found.AddRange(page.QuerySelectorAll("*").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal))
                .Select(a => $"{url}: an {a.Name} handler"));
        }
    }
}
