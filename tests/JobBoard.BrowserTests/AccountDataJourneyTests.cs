using System.Text.Json;
using System.Text.RegularExpressions;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JobBoard.BrowserTests;

/// <summary>A seeker takes their data with them and deletes their account, from the account page; axe checks each page.</summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed partial class AccountDataJourneyTests(BrowserBoard board)
{
    [Fact]
    public async Task A_seeker_downloads_their_data_then_deletes_their_account_and_is_signed_out()
    {
        await board.App.CreateUserAsync("leaving@browser.test", BoardRoles.Seeker);
        await using var session = await board.OpenAsync();
        var page = session.Page;
        await Journeys.SignInAsync(session, "leaving@browser.test", TestAccounts.Password, AccountUrl());
        await Journeys.AccessibleAsync(session, "account");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download your data" }).ClickAsync());
        download.SuggestedFilename.Should().MatchRegex(@"^jobboard-data-\d{4}-\d{2}-\d{2}\.json$");
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
        {
            json.RootElement.GetProperty("profile").GetProperty("email").GetString().Should().Be("leaving@browser.test");
        }

        await session.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Delete your account" }), DeleteUrl());
        await Journeys.AccessibleAsync(session, "delete account");
        await page.GetByLabel("Your password").FillAsync(TestAccounts.Password);
        await page.GetByLabel("Type DELETE to confirm").FillAsync("DELETE");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }), DeletedUrl());

        await Expect(page.Locator("h1")).ToHaveTextAsync("Your account is deleted");
        await Journeys.AccessibleAsync(session, "account deleted");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        session.Problems.Should().BeEmpty("pages load without script, style or request errors");
    }

    [GeneratedRegex(@"/Account$")]
    private static partial Regex AccountUrl();

    [GeneratedRegex(@"/Account/Delete$")]
    private static partial Regex DeleteUrl();

    [GeneratedRegex(@"/Account/Deleted$")]
    private static partial Regex DeletedUrl();
}
