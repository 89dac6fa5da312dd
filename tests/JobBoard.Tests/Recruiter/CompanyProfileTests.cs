using System.Net;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Recruiter;

[Collection(WebTestsDefinition.Name)]
public sealed class CompanyProfileTests(JobBoardApp app) : WebTest(app)
{
    private const string Page = "/Recruiter/Company";

    [Fact]
    public async Task A_member_edits_the_profile_and_the_public_company_page_shows_it()
    {
        var (client, _, _) = await TwoCompaniesAsync(owner: false);

        var response = await client.SubmitFormAsync(Page,
        [
            new("Profile.About", "We make <b>medicines</b>."), new("Profile.Website", "https://acme.example"), new("Profile.EmployeeCount", "82502"),
            new("Profile.Industry", "Pharmaceuticals"), new("Profile.Headquarters", "Basel, Switzerland"),
        ], "[data-testid=profile-form]");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var company = await CompanyAsync("Acme Health");
        company.Should().BeEquivalentTo(new { About = "We make <b>medicines</b>.", Website = "https://acme.example", EmployeeCount = 82502, Industry = "Pharmaceuticals", Headquarters = "Basel, Switzerland" });
        var (_, publicPage) = await app.GetPageAsync("/companies/acme-health");
        publicPage.QuerySelector("main")!.Text().Should().Contain("We make <b>medicines</b>.")
            .And.Contain("Industry Pharmaceuticals").And.Contain("Headquarters Basel, Switzerland").And.Contain("Size 82,502 employees");
    }

    [Fact]
    public async Task Bad_profile_input_gets_field_messages_keeps_what_was_typed_and_saves_nothing()
    {
        var (client, _, _) = await TwoCompaniesAsync();

        var response = await client.SubmitFormAsync(Page,
        [
            new("Profile.About", new string('a', 50_000)), new("Profile.Website", "javascript:alert(1)"), new("Profile.EmployeeCount", "0"),
            new("Profile.Industry", "Pharma\u0007ceuticals"), new("Profile.Headquarters", "Basel"),
        ], "[data-testid=profile-form]");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Message(page, "Profile.About").Should().Be("This field has at most 20,000 characters.");
        Message(page, "Profile.Website").Should().Be("The website must be an http or https address.");
        Message(page, "Profile.EmployeeCount").Should().Be("Company size must be at least one employee.");
        Message(page, "Profile.Industry").Should().Be("This field contains control characters; type or paste plain text.");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Profile_Headquarters")!.Value.Should().Be("Basel");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Profile_Website")!.Value.Should().Be("javascript:alert(1)");
        (await CompanyAsync("Acme Health")).Headquarters.Should().BeNull();
    }

    [Fact]
    public async Task A_nul_character_gets_a_message_beside_its_field_and_nothing_is_saved()
    {
        var (client, _, _) = await TwoCompaniesAsync();

        var response = await client.SubmitFormAsync(Page, [new("Profile.Industry", "Pharma\0ceuticals")], "[data-testid=profile-form]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("control character");
        (await CompanyAsync("Acme Health")).Industry.Should().BeNull();
    }

    [Fact]
    public async Task Shared_sections_are_added_edited_and_reordered()
    {
        var (client, _, _) = await TwoCompaniesAsync();

        await client.SubmitFormAsync(Page, [new("Section.Key", "why-us"), new("Section.Heading", "Why Acme"), new("Section.Body", "We care.")], "[data-testid=add-section]");
        await client.SubmitFormAsync(Page, [new("Section.Key", "EEO statement"), new("Section.Heading", "EEO"), new("Section.Body", "Equal opportunity.")], "[data-testid=add-section]");
        var duplicate = await client.SubmitFormAsync(Page, [new("Section.Key", "why-us"), new("Section.Heading", "Again"), new("Section.Body", "Twice.")], "[data-testid=add-section]");
        await client.SubmitFormAsync(Page, [new("Section.Heading", "Why work at Acme"), new("Section.Body", "We care a lot.")], "[data-key=why-us] [data-testid=edit-section]");
        await client.SubmitFormAsync(Page, formSelector: "[data-key=eeo-statement] [data-testid=move-up]");

        var duplicatePage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await duplicate.Content.ReadAsStringAsync());
        duplicatePage.QuerySelector("[data-testid=add-section]")!.Text().Should().Contain("There is already a section with the key \"why-us\".");
        duplicatePage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#new-heading")!.Value.Should().Be("Again");
        var sections = (await CompanyAsync("Acme Health")).Sections;
        sections.Select(s => (s.Key, s.Heading, s.Body)).Should().Equal(("eeo-statement", "EEO", "Equal opportunity."), ("why-us", "Why work at Acme", "We care a lot."));
        var page = await client.GetDocumentAsync(Page);
        page.QuerySelectorAll("[data-testid=section]").Select(s => s.GetAttribute("data-key")).Should().Equal("eeo-statement", "why-us");
    }

    [Fact]
    public async Task A_section_a_posting_attaches_cannot_be_removed_until_no_posting_uses_it()
    {
        var (client, acme, _) = await TwoCompaniesAsync();
        await app.ExecuteDbContextAsync(async db =>
        {
            var company = await db.Companies.SingleAsync(c => c.Id == acme.Id);
            company.SetSection("why-us", "Why Acme", "We care.");
            company.SetSection("eeo", "EEO", "Equal opportunity.");
            await db.SaveChangesAsync();
            db.Postings.Add(Draft(company, Content() with { Sections = [PostingSection.Boilerplate("why-us")] }));
            await db.SaveChangesAsync();
        });

        var refused = await client.SubmitFormAsync(Page, formSelector: "[data-key=why-us] [data-testid=remove-section]");
        var removed = await client.SubmitFormAsync(Page, formSelector: "[data-key=eeo] [data-testid=remove-section]");

        var refusedPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        refusedPage.QuerySelector("[data-testid=section-error]")!.Text().Should().Be("\"Why Acme\" is attached to 1 posting; remove it from them first.");
        removed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await CompanyAsync("Acme Health")).Sections.Select(s => s.Key).Should().Equal("why-us");
    }

    [Fact]
    public async Task A_recruiter_cannot_touch_another_company_s_sections()
    {
        var (client, _, other) = await TwoCompaniesAsync();
        await app.ExecuteDbContextAsync(async db =>
        {
            (await db.Companies.SingleAsync(c => c.Id == other.Id)).SetSection("benefits", "Benefits", "Theirs.");
            await db.SaveChangesAsync();
        });

        var page = await client.GetDocumentAsync(Page);
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var editTheirs = await client.PostAsync(new Uri(Page + "?handler=EditSection", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Section.Key", "benefits"), new("Section.Heading", "Edited"), new("Section.Body", "x")]));
        var removeTheirs = await client.PostAsync(new Uri(Page + "?handler=RemoveSection&key=benefits", UriKind.Relative), new FormUrlEncodedContent(
            [new KeyValuePair<string, string>("__RequestVerificationToken", token)]));
        var addSameKey = await client.SubmitFormAsync(Page, [new("Section.Key", "benefits"), new("Section.Heading", "Ours"), new("Section.Body", "Mine.")], "[data-testid=add-section]");

        page.Body!.TextContent.Should().NotContain("Theirs.");
        (await editTheirs.Content.ReadAsStringAsync()).Should().Contain("There is no section &quot;benefits&quot;.");
        (await removeTheirs.Content.ReadAsStringAsync()).Should().Contain("There is no section &quot;benefits&quot;.");
        addSameKey.StatusCode.Should().Be(HttpStatusCode.Redirect, "keys are per company: this is a new section of the recruiter's own");
        (await CompanyAsync("Other Pharma")).Sections.Single().Should().BeEquivalentTo(new { Heading = "Benefits", Body = "Theirs." });
        (await CompanyAsync("Acme Health")).Sections.Select(s => s.Heading).Should().Equal("Ours");
    }

    private async Task<(HttpClient Client, Company Acme, Company Other)> TwoCompaniesAsync(bool owner = true)
    {
        var acme = Company();
        var other = Company("Other Pharma");
        await app.InsertAsync(acme, other);
        if (!owner)
        {
            await app.CreateUserAsync("owner@acme.test", BoardRoles.Recruiter, acme);
        }

        var recruiter = await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme, owner);
        if (!owner)
        {
            await app.ExecuteDbContextAsync(async db =>
            {
                var membership = await db.CompanyMembers.SingleAsync(m => m.UserId == recruiter.Id);
                membership.Approve("owner@acme.test", Now);
                await db.SaveChangesAsync();
            });
        }

        await app.CreateUserAsync("recruiter@other.test", BoardRoles.Recruiter, other);
        return (await app.SignedInClientAsync(recruiter), acme, other);
    }

    private Task<Company> CompanyAsync(string name) =>
        app.ExecuteDbContextAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Name == name));

    private static string Message(AngleSharp.Dom.IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim();
}
