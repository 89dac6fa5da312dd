using System.Text.RegularExpressions;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static JobBoard.BrowserTests.Journeys;
using static Microsoft.Playwright.Assertions;

namespace JobBoard.BrowserTests;

/// <summary>
/// Journey 1 of issue 17: a guest saves a search as an alert, confirms it from the mail, a matching posting is published,
/// and the alert's mail arrives with a link to the posting and an unsubscribe link that works without an account.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed partial class AlertJourneyTests(BrowserBoard board)
{
    [Fact]
    public async Task A_guest_saves_a_search_confirms_it_by_mail_gets_the_new_posting_and_unsubscribes()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"guest-{suffix}@alerts.test";
        const string title = "Lithotripsy Technologist";

        await using (var guest = await board.OpenAsync())
        {
            var page = guest.Page;
            await page.GotoAsync("/jobs?q=lithotripsy&location=Chicago%2C+IL");
            await Expect(page.GetByTestId("no-results")).ToBeVisibleAsync();
            await guest.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Save this search" }), NewAlertUrl());
            await AccessibleAsync(guest, "save this search");
            await Expect(page.GetByLabel("Name of the alert")).ToHaveValueAsync("Jobs matching “lithotripsy” within 40 km of Chicago, Illinois, United States");
            await page.GetByLabel("Your e-mail address").FillAsync(email);
            await page.GetByLabel("As soon as they appear").CheckAsync();
            await guest.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save alert" }), SentUrl());
            await Expect(page.GetByTestId("alert-sent")).ToContainTextAsync("Check your inbox.");

            var confirmation = (await board.App.Mail.WaitForAsync(email)).Should().ContainSingle().Subject;
            await page.GotoAsync(PathOf(Link(confirmation, "/alerts/confirm")));
            await AccessibleAsync(guest, "confirm alert");
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the alert" }).ClickAsync();
            await Expect(page.GetByTestId("alert-confirmed")).ToContainTextAsync($"new jobs for it will come to {email}");
            guest.Problems.Should().BeEmpty();
        }

        // A posting that matches goes live after the confirmation (published through the domain, as an admin's approval does).
        board.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var company = TestPostings.Company($"Stone Clinic {suffix}");
        var posting = TestPostings.Published(company, TestPostings.Content(title) with { Requirements = [], Responsibilities = [] }, at: board.App.Clock.GetUtcNow());
        await board.App.InsertAsync(company, posting);
        board.App.Clock.Advance(TimeSpan.FromSeconds(30));
        (await board.App.Services.GetRequiredService<AlertSender>().SendDueAsync(CancellationToken.None)).Should().BeGreaterThanOrEqualTo(1);

        var mails = await board.App.Mail.WaitForAsync(email, atLeast: 2);
        var digest = mails.Should().ContainSingle(m => m.Subject != null && m.Subject.StartsWith("1 new job", StringComparison.Ordinal)).Subject;
        digest.Headers["List-Unsubscribe-Post"].Should().Be("List-Unsubscribe=One-Click");
        var unsubscribe = Link(digest, "/alerts/unsubscribe");
        digest.Headers["List-Unsubscribe"].Should().Be($"<{unsubscribe}>");

        await using (var reader = await board.OpenAsync())
        {
            var page = reader.Page;
            await page.GotoAsync(PathOf(Link(digest, $"/jobs/{posting.Id}/")));
            await Expect(page.Locator("h1")).ToHaveTextAsync(title);

            await page.GotoAsync(PathOf(unsubscribe));
            await AccessibleAsync(reader, "unsubscribe");
            await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
            await Expect(page.GetByTestId("unsubscribed")).ToContainTextAsync($"sends no more mail to {email}");
            reader.Problems.Should().BeEmpty();
        }

        (await board.App.ExecuteDbContextAsync(db => db.JobAlerts.CountAsync(a => a.Email == email))).Should().Be(0);
    }

    /// <summary>The mail's link whose path starts with <paramref name="path"/>; links point at the board that sent it.</summary>
    private string Link(MimeKit.MimeMessage mail, string path)
    {
        var link = MailLink().Matches(mail.TextBody!).Select(m => m.Value).First(l => new Uri(l).AbsolutePath.StartsWith(path, StringComparison.Ordinal));
        new Uri(link).Port.Should().Be(board.BaseAddress.Port, "the mail links to this board");
        return link;
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex MailLink();

    [GeneratedRegex(@"/alerts/new\?q=lithotripsy&location=Chicago")]
    private static partial Regex NewAlertUrl();

    [GeneratedRegex(@"/alerts/new\?.*sent=true$")]
    private static partial Regex SentUrl();
}
