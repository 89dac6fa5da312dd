using System.Text.RegularExpressions;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JobBoard.BrowserTests;

/// <summary>Saving a job as a guest (through sign-in) and as a signed-in seeker, with the script that saves in place.</summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed partial class SavedJobsJourneyTests(BrowserBoard board)
{
    [Fact]
    public async Task A_guest_saves_through_sign_in_then_unsaves_and_saves_again_in_place_and_finds_it_on_the_saved_list()
    {
        var seeker = await board.App.CreateUserAsync("saver@browser.test", BoardRoles.Seeker);
        await using var session = await board.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/jobs");
        var card = page.GetByTestId("job-card").First;
        var title = await card.Locator("h3").InnerTextAsync();
        await session.FollowAsync(card.Locator("h3 a"), Journeys.JobUrl());
        var jobUrl = page.Url;

        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Save job", Exact = true }), SignInUrl());
        await page.Locator("#Form_Email").FillAsync("saver@browser.test");
        await page.Locator("#Form_Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(jobUrl);

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unsave job", Exact = true })).ToBeVisibleAsync();
        (await SavedCountAsync(seeker.Id)).Should().Be(1, "signing in did the save");
        await Journeys.AccessibleAsync(session, "posting, signed in");

        // The script saves in place: the page is not reloaded (the marker set on it survives).
        await page.EvaluateAsync("() => { window.stayed = true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsave job", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save job", Exact = true })).ToBeVisibleAsync();
        (await SavedCountAsync(seeker.Id)).Should().Be(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save job", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unsave job", Exact = true })).ToBeVisibleAsync();
        (await SavedCountAsync(seeker.Id)).Should().Be(1);
        (await page.EvaluateAsync<bool>("() => window.stayed === true")).Should().BeTrue("the button changed without a reload");

        // From the keyboard: Enter on the focused button saves in place and the focus stays on it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsave job", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save job", Exact = true })).ToBeFocusedAsync();
        (await SavedCountAsync(seeker.Id)).Should().Be(0);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unsave job", Exact = true })).ToBeFocusedAsync();
        (await SavedCountAsync(seeker.Id)).Should().Be(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Saved jobs" }).ClickAsync();
        await page.WaitForURLAsync("**/saved");
        await Expect(page.GetByTestId("saved-job").GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("saved-status")).ToContainTextAsync("Open");
        await Journeys.AccessibleAsync(session, "saved jobs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(page.GetByTestId("saved-empty")).ToBeVisibleAsync();
        (await SavedCountAsync(seeker.Id)).Should().Be(0);

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("for-you")).ToBeVisibleAsync();
        await Journeys.AccessibleAsync(session, "home, signed in");
        session.Problems.Should().BeEmpty("the pages and the script run without errors under the content security policy");
    }

    private Task<int> SavedCountAsync(int userId) =>
        board.App.ExecuteDbContextAsync(db => db.SavedJobs.CountAsync(s => s.UserId == userId));

    [GeneratedRegex(@"/Account/SignIn\?ReturnUrl=")]
    private static partial Regex SignInUrl();
}
