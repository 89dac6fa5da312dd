using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JobBoard.BrowserTests;

/// <summary>Steps several journeys share: registering and signing in through the real pages, checking each page with axe.</summary>
public static partial class Journeys
{
    public const string Passphrase = "a-long-enough-passphrase";

    /// <summary>Registers a recruiter with a new company, follows the confirmation link of the mail and signs in.</summary>
    public static async Task RegisterRecruiterAsync(BrowserBoard board, BrowserSession session, string email, string name, string company)
    {
        var page = session.Page;
        await page.GotoAsync("/Account/Register");
        await AccessibleAsync(session, "register");
        await page.GetByLabel("recruiting for a company").CheckAsync();
        await page.Locator("#Form_DisplayName").FillAsync(name);
        await page.Locator("#Form_Email").FillAsync(email);
        await page.Locator("#Form_Password").FillAsync(Passphrase);
        await page.Locator("#Form_ConfirmPassword").FillAsync(Passphrase);
        await page.Locator("#company-new").CheckAsync();
        await page.Locator("#Form_CompanyName").FillAsync(company);
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create account" }), CheckInboxUrl());

        var mail = (await board.App.Mail.WaitForAsync(email)).Should().ContainSingle().Subject;
        await page.GotoAsync(MailLink().Match(mail.TextBody!).Value);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your e-mail address is confirmed");
        await SignInAsync(session, email, Passphrase, RecruiterUrl());
    }

    /// <summary>Signs in through the sign-in page and waits for the page it leads to.</summary>
    public static async Task SignInAsync(BrowserSession session, string email, string password, Regex landing)
    {
        var page = session.Page;
        await page.GotoAsync("/Account/SignIn");
        await AccessibleAsync(session, "sign in");
        await page.Locator("#Form_Email").FillAsync(email);
        await page.Locator("#Form_Password").FillAsync(password);
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }), landing);
    }

    /// <summary>Pastes an ad into the import page and waits for the editor of the draft it makes.</summary>
    public static async Task ImportAsync(BrowserSession session, string adText)
    {
        var page = session.Page;
        await page.GotoAsync("/Recruiter/Postings/Import");
        await AccessibleAsync(session, "import");
        await page.GetByLabel("Text of the ad").FillAsync(adText);
        await session.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Make a draft" }), EditorUrl());
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Draft");
    }

    public static async Task AccessibleAsync(BrowserSession session, string what) =>
        (await session.AccessibilityProblemsAsync()).Should().BeEmpty($"axe finds nothing serious on the {what} page");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex MailLink();

    [GeneratedRegex(@"/Account/CheckInbox\?for=confirm$")]
    private static partial Regex CheckInboxUrl();

    [GeneratedRegex(@"/Recruiter$")]
    public static partial Regex RecruiterUrl();

    [GeneratedRegex(@"/Admin(/Queue)?$")]
    public static partial Regex AdminUrl();

    [GeneratedRegex(@"/Recruiter/Postings/Edit/\d+$")]
    public static partial Regex EditorUrl();

    [GeneratedRegex(@"/jobs/\d+/[a-z0-9-]+$")]
    public static partial Regex JobUrl();
}
