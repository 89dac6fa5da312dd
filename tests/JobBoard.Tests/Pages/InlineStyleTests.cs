using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Tests.Admin;
using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Pages;

/// <summary>
/// The CSP (style-src 'self') refuses style attributes: the browser ignores each and logs an error. ASP.NET's
/// validation summary writes one (an empty &lt;li style="display:none"&gt;) when the form has no error.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class InlineStyleTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task The_dashboard_the_editor_and_the_company_verification_page_carry_no_style_attribute()
    {
        var company = Company.Register("Acme Health", new CompanyProfile(About: "Acme makes things better.", EmployeeCount: 1200)).Value;
        await app.InsertAsync(company);
        var recruiter = await app.SignedInClientAsync(await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, company));
        var draft = TestPostings.Draft(company);
        await app.InsertPostingsAsync(company, draft);
        var admin = await app.AdminClientAsync();

        var pages = new[]
        {
            await recruiter.GetDocumentAsync("/Recruiter"),
            await recruiter.GetDocumentAsync($"/Recruiter/Postings/Edit/{draft.Id}"),
            await recruiter.GetDocumentAsync("/Recruiter/Postings/New"),
            await admin.GetDocumentAsync("/Admin/Companies"),
        };

        pages[0].QuerySelector("[data-testid=posting-row]").Should().NotBeNull("the dashboard shows its bulk form");
        pages[3].QuerySelector("[data-testid=pending-company]").Should().NotBeNull("the company waits for verification");
        pages.SelectMany(page => page.QuerySelectorAll("[style]")).Select(element => element.OuterHtml).Should().BeEmpty();
    }
}
