using System.Text.RegularExpressions;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static JobBoard.BrowserTests.Journeys;
using static Microsoft.Playwright.Assertions;

namespace JobBoard.BrowserTests;

/// <summary>
/// A seeker saves a job that takes applications on the board, applies with a CV, the company's recruiter shortlists
/// the application in the inbox, and the seeker sees "Shortlisted" on their applications; axe checks each page.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed partial class ApplyJourneyTests(BrowserBoard board)
{
    [Fact]
    public async Task A_seeker_saves_a_job_applies_with_a_CV_and_sees_it_shortlisted_by_the_recruiter()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var title = $"Ward Sister {suffix}";
        var company = TestPostings.Company($"Harbour Hospital {suffix}");
        var posting = TestPostings.Published(company, TestPostings.Content(title) with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        await board.App.InsertAsync(company, posting);
        var recruiterEmail = $"hiring-{suffix}@harbour.test";
        var seekerEmail = $"nina-{suffix}@example.com";
        await board.App.CreateUserAsync(recruiterEmail, BoardRoles.Recruiter, company);
        await board.App.CreateUserAsync(seekerEmail, BoardRoles.Seeker);

        await using var seeker = await board.OpenAsync();
        var page = seeker.Page;
        await SignInAsync(seeker, seekerEmail, TestAccounts.Password, AccountUrl());
        await page.GotoAsync($"/jobs/{posting.Id}/{posting.Slug}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save job", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unsave job", Exact = true })).ToBeVisibleAsync();

        // Apply goes through the counting route to the form on the board.
        await seeker.FollowAsync(page.GetByTestId("apply"), FormUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Apply for {title}");
        await AccessibleAsync(seeker, "application form");
        await Expect(page.GetByLabel("E-mail")).ToHaveValueAsync(seekerEmail);
        await page.GetByLabel("Your name").FillAsync("Nina Okafor");
        await page.GetByLabel("Phone (optional)").FillAsync("+44 20 7946 0000");
        await page.GetByLabel("A note to the company (optional)").FillAsync("Eight years on surgical wards; free to start in January.");

        // A picture renamed .pdf is refused, and the form keeps what was typed.
        await page.GetByLabel("Your CV").SetInputFilesAsync(new FilePayload { Name = "photo.pdf", MimeType = "application/pdf", Buffer = CvSamples.Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        await Expect(page.GetByTestId("cv-error")).ToHaveTextAsync("Only PDF and Word (.docx) files are accepted, and this file is neither.");
        await Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Nina Okafor");
        await AccessibleAsync(seeker, "application form with a message");

        await page.GetByLabel("Your CV").SetInputFilesAsync(new FilePayload { Name = "Nina Okafor CV.pdf", MimeType = "application/pdf", Buffer = CvSamples.Pdf("Nina Okafor") });
        await seeker.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send application" }), ApplicationsUrl());
        await Expect(page.GetByTestId("outcome")).ToContainTextAsync($"Your application for “{title}” was sent");
        var mine = page.GetByTestId("application").Filter(new() { HasText = title });
        await Expect(mine.GetByTestId("status")).ToHaveTextAsync("New");
        await AccessibleAsync(seeker, "applications");

        var notice = (await board.App.Mail.WaitForAsync(recruiterEmail)).Should().ContainSingle().Subject;
        notice.Subject.Should().Be($"New application: {title}");

        // The apply click is on the dashboard's chart once the counts are written.
        await board.App.Services.GetRequiredService<PostingActivity>().FlushAsync(CancellationToken.None);
        await using (var recruiter = await board.OpenAsync())
        {
            var inbox = recruiter.Page;
            await SignInAsync(recruiter, recruiterEmail, TestAccounts.Password, RecruiterUrl());
            await Expect(inbox.GetByTestId("activity-summary").Filter(new() { HasText = title })).ToContainTextAsync("1 apply click");
            await AccessibleAsync(recruiter, "dashboard with its chart");

            await recruiter.FollowAsync(inbox.GetByRole(AriaRole.Link, new() { Name = "Applications (1 new)" }), InboxUrl());
            await AccessibleAsync(recruiter, "inbox");
            await recruiter.FollowAsync(inbox.GetByRole(AriaRole.Link, new() { Name = "Nina Okafor" }), DetailsUrl());
            await Expect(inbox.GetByTestId("note")).ToHaveTextAsync("Eight years on surgical wards; free to start in January.");
            await Expect(inbox.GetByTestId("cv")).ToHaveTextAsync("Nina Okafor CV.pdf");
            await AccessibleAsync(recruiter, "application");

            var download = await inbox.RunAndWaitForDownloadAsync(() => inbox.GetByTestId("cv").ClickAsync());
            download.SuggestedFilename.Should().Be("Nina Okafor CV.pdf");
            (await File.ReadAllBytesAsync((await download.PathAsync())!)).Should().Equal(CvSamples.Pdf("Nina Okafor"));

            await inbox.GetByLabel("Change to").SelectOptionAsync(new SelectOptionValue { Label = "Shortlisted" });
            await inbox.GetByRole(AriaRole.Button, new() { Name = "Save status" }).ClickAsync();
            await Expect(inbox.GetByTestId("outcome")).ToHaveTextAsync("Marked shortlisted; Nina Okafor sees it on their applications page.");
            recruiter.Problems.Should().BeEmpty("the recruiter's pages run without script, style or request errors");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "My applications" }).ClickAsync();
        await page.WaitForURLAsync(ApplicationsUrl());
        await Expect(page.GetByTestId("application").Filter(new() { HasText = title }).GetByTestId("status")).ToHaveTextAsync("Shortlisted");
        seeker.Problems.Should().BeEmpty("the seeker's pages run without script, style or request errors");
    }

    [GeneratedRegex(@"/Account$")]
    private static partial Regex AccountUrl();

    [GeneratedRegex(@"/jobs/\d+/apply/form$")]
    private static partial Regex FormUrl();

    [GeneratedRegex(@"/applications$")]
    private static partial Regex ApplicationsUrl();

    [GeneratedRegex(@"/Recruiter/Applications$")]
    private static partial Regex InboxUrl();

    [GeneratedRegex(@"/Recruiter/Applications/Details/\d+$")]
    private static partial Regex DetailsUrl();
}
