using System.Net;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Tests.Accounts;

[Collection(WebTestsDefinition.Name)]
public sealed class PasswordResetTests(JobBoardApp app) : WebTest(app)
{
    private const string NewPassword = "a-brand-new-passphrase";

    [Fact]
    public async Task The_reset_link_of_the_mail_sets_a_new_password_ends_a_lockout_and_works_once()
    {
        var user = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        await app.ExecuteDbContextAsync(db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10)).SetProperty(x => x.AccessFailedCount, 5)));
        var client = app.GuestClient();

        var asked = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Form.Email"] = "dana@example.test" });
        asked.ShouldRedirectTo("/Account/CheckInbox?for=reset");
        var link = await app.LinkInMailAsync("dana@example.test", "Reset your JobBoard password");

        var mismatch = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Form.Password"] = NewPassword, ["Form.ConfirmPassword"] = "something-else-entirely" });
        (await mismatch.DocumentAsync()).FieldMessage("Form.ConfirmPassword").Should().Be("The two passwords differ.");

        var reset = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Form.Password"] = NewPassword, ["Form.ConfirmPassword"] = NewPassword });
        (await reset.DocumentAsync()).QuerySelector("[data-testid=reset-password] .alert")!.Text().Should().Be("Your password is changed. Sign in with the new one.");

        (await (await client.SignInAsync("dana@example.test")).DocumentAsync()).QuerySelector("[data-testid=sign-in-problem]")!.Text()
            .Should().Be("Wrong e-mail address or password.", "the old password no longer works");
        (await client.SignInAsync("dana@example.test", NewPassword)).ShouldRedirectTo("/Account");

        var again = await client.SubmitFormAsync(link, new Dictionary<string, string> { ["Form.Password"] = "yet-another-passphrase", ["Form.ConfirmPassword"] = "yet-another-passphrase" }, "main form");
        (await again.DocumentAsync()).QuerySelector("main")!.Text().Should().Contain("This link does not work", "a link works once");
    }

    [Fact]
    public async Task Asking_for_an_address_without_an_account_looks_the_same_and_sends_nothing()
    {
        await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        var client = app.GuestClient();

        var known = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Form.Email"] = "dana@example.test" });
        var unknown = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Form.Email"] = "nobody@example.test" });
        var resent = await client.SubmitFormAsync("/Account/ResendConfirmation", new Dictionary<string, string> { ["Form.Email"] = "nobody@example.test" });

        unknown.Headers.Location.Should().Be(known.Headers.Location);
        resent.ShouldRedirectTo("/Account/CheckInbox?for=confirm");
        await app.Mail.WaitForAsync("dana@example.test");
        app.Mail.Messages().Select(m => m.To.Mailboxes.Single().Address).Should().Equal("dana@example.test");
    }

    [Fact]
    public async Task A_resent_confirmation_link_confirms_the_account()
    {
        await app.GuestClient().RegisterAsync(AccountPages.Registration("dana@example.test"));
        await app.Mail.WaitForAsync("dana@example.test");
        app.Mail.Clear();

        var resent = await app.GuestClient().SubmitFormAsync("/Account/ResendConfirmation", new Dictionary<string, string> { ["Form.Email"] = "dana@example.test" });
        var link = await app.LinkInMailAsync("dana@example.test", "Confirm");
        await app.GuestClient().GetAsync(new Uri(link, UriKind.Relative));

        resent.ShouldRedirectTo("/Account/CheckInbox?for=confirm");
        (await app.ExecuteDbContextAsync(db => db.Users.SingleAsync())).EmailConfirmed.Should().BeTrue();
    }

    [Fact]
    public async Task A_reset_link_with_a_forged_token_changes_nothing()
    {
        var user = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);

        var response = await app.GuestClient().SubmitFormAsync($"/Account/ResetPassword?userId={user.Id}&code=Zm9yZ2Vk",
            new Dictionary<string, string> { ["Form.Password"] = NewPassword, ["Form.ConfirmPassword"] = NewPassword });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.DocumentAsync()).QuerySelector("[data-testid=reset-password] .alert")!.Text().Should().StartWith("This link does not work");
        (await app.GuestClient().SignInAsync("dana@example.test")).ShouldRedirectTo("/Account");
    }
}
