using System.Text.RegularExpressions;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using Microsoft.Playwright;
using static JobBoard.BrowserTests.Journeys;
using static Microsoft.Playwright.Assertions;

namespace JobBoard.BrowserTests;

/// <summary>
/// A posting's way onto the board through the pages: a recruiter imports an ad, fixes and submits the draft, an admin
/// verifies the company and approves it (or rejects it), and a guest finds it; axe checks each page on the way.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed partial class PublishingJourneyTests(BrowserBoard board)
{
    [Fact]
    public async Task An_imported_ad_fixed_and_approved_is_found_in_search_and_among_the_recommendations_of_a_nearby_posting()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var recruiterEmail = $"talent-{suffix}@radiant.test";
        var company = $"Radiant Therapies {suffix}";
        const string title = "Radioligand Ecosystem Director";

        await using (var recruiter = await board.OpenAsync())
        {
            var page = recruiter.Page;
            await RegisterRecruiterAsync(board, recruiter, recruiterEmail, "Tara Talent", company);
            await ImportAsync(recruiter, SeedAds.Text(SeedAds.Chicago));
            await AccessibleAsync(recruiter, "editor");
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync(SeedAds.ChicagoTitle);

            // The import lists what it could not place in a last section the recruiter deletes once read.
            var review = page.GetByTestId("sections").Locator("div.border")
                .Filter(new() { Has = page.Locator($"input[value^='To review after the import']") });
            await Expect(review).ToHaveCountAsync(1);
            await review.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
            await Expect(review).ToHaveCountAsync(0);

            // The seed ad names no way to apply: the import leaves the field empty and submitting asks for it.
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Apply link").FillAsync("https://radiant.test/careers/rlt-director");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
            var preview = page.GetByTestId("preview");
            await Expect(preview.Locator("h1")).ToHaveTextAsync(title);
            await Expect(preview).ToContainTextAsync("Radioligand Therapies");
            await Expect(preview).Not.ToContainTextAsync("To review after the import");
            await AccessibleAsync(recruiter, "preview");

            await page.GetByTestId("submit").ClickAsync();
            await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Submitted for review.");
            await Expect(page.GetByTestId("status")).ToHaveTextAsync("Pending review");

            await page.GotoAsync("/Recruiter");
            var row = page.GetByTestId("posting-row").Filter(new() { HasText = title });
            await Expect(row.GetByTestId("status")).ToContainTextAsync("review", new() { IgnoreCase = true });
            await AccessibleAsync(recruiter, "dashboard");
            recruiter.Problems.Should().BeEmpty("the recruiter's pages run without script, style or request errors");
        }

        var adminEmail = $"moderator-{suffix}@board.test";
        await board.App.CreateUserAsync(adminEmail, BoardRoles.Admin);
        await using (var admin = await board.OpenAsync())
        {
            var page = admin.Page;
            await SignInAsync(admin, adminEmail, TestAccounts.Password, AdminUrl());

            await page.GotoAsync("/Admin/Companies");
            await AccessibleAsync(admin, "companies");
            var pending = page.GetByTestId("pending-company").Filter(new() { HasText = company });
            await Expect(pending.GetByTestId("owner")).ToHaveTextAsync(recruiterEmail);
            await pending.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            await Expect(pending).ToHaveCountAsync(0);

            await page.GotoAsync("/Admin/Queue");
            await AccessibleAsync(admin, "moderation queue");
            await admin.FollowAsync(page.GetByTestId("queued-posting").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }), ReviewUrl());
            await Expect(page.GetByTestId("verification")).ToContainTextAsync("verified");
            await Expect(page.GetByTestId("preview").Locator("h1")).ToHaveTextAsync(title);
            await AccessibleAsync(admin, "review");
            await admin.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }), QueueUrl());
            await Expect(page.GetByTestId("queued-posting").Filter(new() { HasText = title })).ToHaveCountAsync(0);
            admin.Problems.Should().BeEmpty();
        }

        await using (var guest = await board.OpenAsync())
        {
            var page = guest.Page;
            await page.GotoAsync("/jobs");
            await page.Locator("#q").FillAsync(title);
            await page.Locator("#location").FillAsync("Chicago, IL");
            await page.GetByTestId("search-form").GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/jobs?q=Radioligand+Ecosystem+Director&location=Chicago*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var found = page.GetByTestId("job-card").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });
            await Expect(found).ToHaveCountAsync(1);
            await Expect(found).ToContainTextAsync(company);

            // The demo board's own Chicago ad: same city, same categories; the new posting is among its recommendations.
            await page.GotoAsync("/jobs?q=Director+lead&location=Chicago%2C+IL");
            await guest.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = SeedAds.ChicagoTitle, Exact = true }).First, JobUrl());
            var recommended = page.GetByTestId("recommended-job").Filter(new() { Has = page.Locator("h3", new() { HasText = title }) });
            await Expect(recommended).ToHaveCountAsync(1);
            await Expect(recommended.GetByTestId("reasons")).ToContainTextAsync("Chicago");
            await guest.FollowAsync(recommended.Locator("h3 a"), JobUrl());
            await Expect(page.Locator("h1")).ToHaveTextAsync(title);
            guest.Problems.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_rejected_posting_shows_the_reason_to_its_recruiter_who_also_gets_it_by_mail()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var company = TestPostings.Company($"Carpathia Pharma {suffix}");
        await board.App.InsertAsync(company);
        var recruiterEmail = $"sales-{suffix}@carpathia.test";
        await board.App.CreateUserAsync(recruiterEmail, BoardRoles.Recruiter, company);
        const string reason = "The apply link points to another company's site.";

        await using (var recruiter = await board.OpenAsync())
        {
            await SignInAsync(recruiter, recruiterEmail, TestAccounts.Password, RecruiterUrl());
            await ImportAsync(recruiter, SeedAds.Text(SeedAds.Bucharest));
            await recruiter.Page.GetByLabel("Apply link").FillAsync("https://carpathia.test/apply");
            await recruiter.Page.GetByTestId("submit").ClickAsync();
            await Expect(recruiter.Page.GetByTestId("notice")).ToHaveTextAsync("Submitted for review.");
        }

        var adminEmail = $"moderator-{suffix}@board.test";
        await board.App.CreateUserAsync(adminEmail, BoardRoles.Admin);
        await using (var admin = await board.OpenAsync())
        {
            var page = admin.Page;
            await SignInAsync(admin, adminEmail, TestAccounts.Password, AdminUrl());
            await page.GotoAsync("/Admin/Queue");
            var queued = page.GetByTestId("queued-posting").Filter(new() { HasText = company.Name });
            await admin.FollowAsync(queued.GetByRole(AriaRole.Link, new() { Name = SeedAds.BucharestTitle, Exact = true }), ReviewUrl());
            await page.GetByLabel("Reason for rejecting").FillAsync(reason);
            await admin.FollowAsync(page.GetByTestId("reject").GetByRole(AriaRole.Button, new() { Name = "Reject" }), QueueUrl());
            await Expect(queued).ToHaveCountAsync(0);
            admin.Problems.Should().BeEmpty();
        }

        var mail = (await board.App.Mail.WaitForAsync(recruiterEmail)).Should().ContainSingle().Subject;
        mail.Subject.Should().Be($"Rejected: {SeedAds.BucharestTitle}");
        mail.TextBody.Should().Contain(reason);

        await using (var recruiter = await board.OpenAsync())
        {
            var page = recruiter.Page;
            await SignInAsync(recruiter, recruiterEmail, TestAccounts.Password, RecruiterUrl());
            var row = page.GetByTestId("posting-row").Filter(new() { HasText = SeedAds.BucharestTitle });
            await Expect(row.GetByTestId("status")).ToContainTextAsync("Rejected");
            await recruiter.FollowAsync(row.GetByRole(AriaRole.Link, new() { Name = SeedAds.BucharestTitle, Exact = true }), EditorUrl());
            await Expect(page.GetByTestId("rejection")).ToContainTextAsync(reason);
            recruiter.Problems.Should().BeEmpty();
        }
    }

    [GeneratedRegex(@"/Admin/Queue/Review/\d+$")]
    private static partial Regex ReviewUrl();

    [GeneratedRegex(@"/Admin/Queue$")]
    private static partial Regex QueueUrl();
}
