using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace JobBoard.BrowserTests;

/// <summary>A recruiter's first visit: register with a new company, confirm from the mail, sign in, reach their area, sign out.</summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed partial class RecruiterAccountJourneyTests(BrowserBoard board)
{
    [Fact]
    public async Task Register_a_company_confirm_from_the_mail_sign_in_and_sign_out()
    {
        await using var session = await board.OpenAsync();
        var page = session.Page;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"hiring-{suffix}@nimbus.test";

        await page.GotoAsync("/");
        await session.FollowAsync(page.GetByTestId("account-nav").GetByRole(AriaRole.Link, new() { Name = "Register" }), RegisterUrl());
        await page.GetByLabel("recruiting for a company").CheckAsync();
        await page.Locator("#Form_DisplayName").FillAsync("Rita Recruiter");
        await page.Locator("#Form_Email").FillAsync(email);
        await page.Locator("#Form_Password").FillAsync("a-long-enough-passphrase");
        await page.Locator("#Form_ConfirmPassword").FillAsync("a-long-enough-passphrase");
        await page.Locator("#company-new").CheckAsync();
        await page.Locator("#Form_CompanyName").FillAsync($"Nimbus Analytics {suffix}");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create account" }), CheckInboxUrl());
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Check your inbox");

        var mail = (await board.App.Mail.WaitForAsync(email)).Should().ContainSingle().Subject;
        var link = MailLink().Match(mail.TextBody!).Value;
        link.Should().StartWith(board.BaseAddress.ToString().TrimEnd('/') + "/Account/ConfirmEmail?");
        await page.GotoAsync(link);
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Your e-mail address is confirmed");

        await session.FollowAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }), SignInUrl());
        await page.Locator("#Form_Email").FillAsync(email);
        await page.Locator("#Form_Password").FillAsync("a-long-enough-passphrase");
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }), RecruiterUrl());
        var nav = page.GetByTestId("account-nav");
        (await nav.GetByRole(AriaRole.Link, new() { Name = "Recruiter", Exact = true }).GetAttributeAsync("href")).Should().Be("/Recruiter");
        (await page.GetByTestId("account-name").InnerTextAsync()).Should().Be("Rita Recruiter");

        await session.FollowAsync(page.GetByTestId("account-name"), AccountUrl());
        (await page.GetByTestId("membership").InnerTextAsync()).Should().Contain($"Nimbus Analytics {suffix}")
            .And.Contain("You own this company").And.Contain("An admin has yet to verify this company");

        await session.FollowAsync(nav.GetByRole(AriaRole.Button, new() { Name = "Sign out" }), HomeUrl());
        (await page.GetByTestId("account-nav").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).IsVisibleAsync()).Should().BeTrue();
        (await page.GetByTestId("account-name").CountAsync()).Should().Be(0);
        session.Problems.Should().BeEmpty();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex MailLink();

    [GeneratedRegex(@"/Account/Register$")]
    private static partial Regex RegisterUrl();

    [GeneratedRegex(@"/Account/CheckInbox\?for=confirm$")]
    private static partial Regex CheckInboxUrl();

    [GeneratedRegex(@"/Account/SignIn$")]
    private static partial Regex SignInUrl();

    [GeneratedRegex(@"/Recruiter$")]
    private static partial Regex RecruiterUrl();

    [GeneratedRegex(@"/Account$")]
    private static partial Regex AccountUrl();

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex HomeUrl();
}
