using System.Net;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static JobBoard.Tests.Admin.AdminBoard;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Admin;

[Collection(WebTestsDefinition.Name)]
public sealed class CategoryAdminTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Categories_are_listed_with_their_posting_counts_and_a_new_one_can_be_added()
    {
        var healthcare = Category.Create("Healthcare");
        await app.InsertAsync(Published(Company(), Content() with { Categories = [healthcare] }));
        var admin = await app.AdminClientAsync();

        var response = await admin.SubmitFormAsync("/Admin/Categories", [Field("Name", "  Logistics ")], "[data-testid=add]");
        var page = await admin.GetDocumentAsync("/Admin/Categories");

        response.ShouldRedirectTo("/Admin/Categories");
        page.QuerySelectorAll("[data-testid=category]").Select(r => (r.QuerySelector("[data-testid=name]")!.Text(), r.QuerySelector("[data-testid=count]")!.Text()))
            .Should().Equal(("Healthcare", "1"), ("Logistics", "0"));
        (await app.ExecuteDbContextAsync(db => db.AuditEntries.SingleAsync())).Action.Should().Be("added category \"Logistics\"");
    }

    [Theory]
    [InlineData("", "A category needs a name.")]
    [InlineData("Line\u0001break", "without control characters")]
    [InlineData("health-care", "There is already a category")]
    [InlineData("HEALTH CARE", "There is already a category")]
    [InlineData(null, "at most 100 characters")]
    public async Task A_bad_or_duplicate_name_is_refused_by_the_field_and_nothing_is_added(string? name, string message)
    {
        await app.InsertAsync(Category.Create("Health care"));

        var response = await (await app.AdminClientAsync()).SubmitFormAsync("/Admin/Categories", [Field("Name", name ?? new string('x', 101))], "[data-testid=add]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).QuerySelector("[data-testid=add] [data-testid=name-error]")!.Text().Should().Contain(message);
        (await app.ExecuteDbContextAsync(db => db.Categories.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task A_rename_keeps_the_slug_and_reaches_search_and_the_posting_page()
    {
        var healthcare = Category.Create("Healthcare");
        var posting = Published(Company(), Content() with { Categories = [healthcare] });
        await app.InsertAsync(posting);
        var admin = await app.AdminClientAsync();
        (await app.GuestClient().GetDocumentAsync("/jobs?q=therapeutics")).QuerySelectorAll("[data-testid=job-card]").Should().BeEmpty();

        var response = await admin.SubmitFormAsync("/Admin/Categories", [Field("Name", "Therapeutics")], "[data-testid=rename]");

        response.ShouldRedirectTo("/Admin/Categories");
        var renamed = await app.ExecuteDbContextAsync(db => db.Categories.SingleAsync());
        (renamed.Name, renamed.Slug).Should().Be(("Therapeutics", "healthcare"));
        (await app.GuestClient().GetDocumentAsync("/jobs?q=therapeutics")).QuerySelectorAll("[data-testid=job-card] h3").Select(h => h.Text())
            .Should().Equal("Registered Nurse");
        (await app.GuestClient().GetDocumentAsync($"/jobs/{posting.Id}/{posting.Slug}")).QuerySelector("[data-testid=categories]")!.Text().Should().Be("Therapeutics");
        (await app.ExecuteDbContextAsync(db => db.AuditEntries.SingleAsync())).Reason.Should().Be("from \"Healthcare\"");
    }

    [Fact]
    public async Task Only_an_unused_category_can_be_deleted()
    {
        var used = Category.Create("Healthcare");
        await app.InsertAsync(Published(Company(), Content() with { Categories = [used] }));
        await app.InsertAsync(Category.Create("Unused"));
        var admin = await app.AdminClientAsync();

        var page = await admin.GetDocumentAsync("/Admin/Categories");
        var deleted = await admin.SubmitFormAsync("/Admin/Categories", formSelector: "[data-testid=delete]");
        var refused = await admin.PostAsync(new Uri($"/Admin/Categories?handler=Delete&categoryId={used.Id}", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", page.QuerySelector("[data-testid=delete] [name=__RequestVerificationToken]")!.GetAttribute("value")!)]));

        page.QuerySelectorAll("[data-testid=delete]").Should().ContainSingle("only the unused category offers a delete button");
        deleted.ShouldRedirectTo("/Admin/Categories");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.ParseAsync()).QuerySelector("[data-testid=errors]")!.Text().Should().Contain("\"Healthcare\" is used by 1 posting");
        (await app.ExecuteDbContextAsync(db => db.Categories.Select(c => c.Name).ToListAsync())).Should().Equal("Healthcare");
    }
}
