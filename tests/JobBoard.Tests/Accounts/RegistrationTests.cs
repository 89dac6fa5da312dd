using System.Net;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Tests.Accounts;

[Collection(WebTestsDefinition.Name)]
public sealed class RegistrationTests(JobBoardApp app) : WebTest(app)
{
    public static TheoryData<string, string, string, string> BadForms => new()
    {
        { "Form.Email", "not-an-address", "Form.Email", "This is not an e-mail address." },
        { "Form.Password", "short", "Form.Password", "A password has at least 10 and at most 200 characters." },
        { "Form.ConfirmPassword", "another-long-password", "Form.ConfirmPassword", "The two passwords differ." },
        { "Form.DisplayName", new string('n', 50_000), "Form.DisplayName", "A name has at most 100 characters." },
        { "Form.DisplayName", "Dana\u0007Reyes", "Form.DisplayName", "Your name cannot contain control characters or line breaks." },
        { "Form.DisplayName", "Dana\u001b[31mReyes", "Form.DisplayName", "Your name cannot contain control characters or line breaks." },
        { "Form.DisplayName", "", "Form.DisplayName", "Tell us your name." },
        { "Form.Email", "dana@example.test\r\nBcc: x", "Form.Email", "This is not an e-mail address." },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_field_gets_its_message_keeps_what_was_typed_and_stores_nothing(string field, string value, string messageField, string message)
    {
        var fields = AccountPages.Registration("dana@example.test");
        fields[field] = value;

        var response = await app.GuestClient().RegisterAsync(fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.DocumentAsync();
        page.FieldMessage(messageField).Should().Be(message);
        if (field == "Form.DisplayName" && value.Length < 200)
        {
            page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.DisplayName']")!.Value.Should().Be(value, "what was typed is kept");
        }

        (await app.ExecuteDbContextAsync(db => db.Users.CountAsync())).Should().Be(0);
        app.Mail.Messages().Should().BeEmpty();
    }

    [Fact]
    public async Task A_NUL_character_gets_the_control_character_message_beside_its_field_keeps_the_rest_and_stores_nothing()
    {
        var fields = AccountPages.Registration("dana@example.test");
        fields["Form.DisplayName"] = "Dana\0Reyes";

        var response = await app.GuestClient().RegisterAsync(fields);

        // The form reader refuses %00 itself; FormNulCharacters turns it into another control character first.
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.DocumentAsync();
        page.FieldMessage("Form.DisplayName").Should().NotBeNullOrEmpty();
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.Email']")!.Value.Should().Be("dana@example.test");
        (await app.ExecuteDbContextAsync(db => db.Users.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task An_address_with_an_account_is_refused_and_the_first_account_is_untouched()
    {
        await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);

        var response = await app.GuestClient().RegisterAsync(AccountPages.Registration("DANA@example.test"));

        (await response.DocumentAsync()).FieldMessage("Form.Email").Should().Be("An account with this e-mail address exists already: sign in, or reset its password.");
        (await app.ExecuteDbContextAsync(db => db.Users.Select(u => u.Email).ToListAsync())).Should().Equal("dana@example.test");
    }

    [Fact]
    public async Task A_seeker_confirms_with_the_link_of_the_mail_and_cannot_sign_in_before()
    {
        var client = app.GuestClient();

        var registered = await client.RegisterAsync(AccountPages.Registration("dana@example.test"));
        registered.ShouldRedirectTo("/Account/CheckInbox?for=confirm");
        var mail = (await app.Mail.WaitForAsync("dana@example.test")).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Confirm your JobBoard account");
        mail.HtmlBody.Should().Contain("Confirm my e-mail address", "the mail has an HTML alternative with a button");

        var early = await client.SignInAsync("dana@example.test");
        (await early.DocumentAsync()).QuerySelector("[data-testid=sign-in-problem]")!.Text()
            .Should().StartWith("Your e-mail address is not confirmed yet");
        (early.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith("jobboard.session=", StringComparison.Ordinal));

        var confirmed = await client.GetDocumentAsync(await app.LinkInMailAsync("dana@example.test", "Confirm"));
        confirmed.QuerySelector("[data-testid=confirm-email] h1")!.Text().Should().Be("Your e-mail address is confirmed");

        var signedIn = await client.SignInAsync("dana@example.test");
        signedIn.ShouldRedirectTo("/Account");
        var account = await client.GetDocumentAsync("/Account");
        account.QuerySelector("[data-testid=role]")!.Text().Should().Be("Job seeker");
        account.QuerySelector("[data-testid=account-name]")!.Text().Should().Be("Dana Reyes");
    }

    [Fact]
    public async Task A_mangled_confirmation_link_confirms_nothing()
    {
        await app.GuestClient().RegisterAsync(AccountPages.Registration("dana@example.test"));
        var link = await app.LinkInMailAsync("dana@example.test", "Confirm");

        var page = await app.GuestClient().GetDocumentAsync(link[..^6] + "AAAAAA");

        page.QuerySelector("[data-testid=confirm-email] h1")!.Text().Should().Be("This link does not work");
        (await app.ExecuteDbContextAsync(db => db.Users.SingleAsync())).EmailConfirmed.Should().BeFalse();
    }

    [Fact]
    public async Task A_recruiter_who_registers_a_company_owns_it_pending_verification()
    {
        var response = await app.GuestClient().RegisterAsync(AccountPages.Registration("hiring@nimbus.test", "Recruiter", "Nimbus Analytics"));

        response.ShouldRedirectTo("/Account/CheckInbox?for=confirm");
        var (company, member, roles) = await app.ExecuteDbContextAsync(async db =>
        {
            var user = await db.Users.SingleAsync();
            var roleNames = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            return (await db.Companies.SingleAsync(), await db.CompanyMembers.SingleAsync(), roleNames);
        });
        company.Name.Should().Be("Nimbus Analytics");
        company.Verification.Should().Be(CompanyVerification.Pending);
        member.CompanyId.Should().Be(company.Id);
        member.IsOwner.Should().BeTrue();
        member.Status.Should().Be(MembershipStatus.Approved);
        roles.Should().Equal(BoardRoles.Recruiter);
    }

    [Fact]
    public async Task A_recruiter_cannot_register_a_company_that_is_on_the_board_nor_join_one_that_is_not()
    {
        await app.InsertAsync(TestPostings.Company("Acme Health"));
        var client = app.GuestClient();

        var taken = await client.RegisterAsync(AccountPages.Registration("hiring@acme.test", "Recruiter", "acme health"));
        var unknown = await client.RegisterAsync(AccountPages.Registration("hiring@acme.test", "Recruiter", "Acme", "Join"));
        var unnamed = await client.RegisterAsync(AccountPages.Registration("hiring@acme.test", "Recruiter", "  "));

        (await taken.DocumentAsync()).FieldMessage("Form.CompanyName").Should().Be("A company of this name is on the board already: ask to join it instead.");
        var unknownPage = await unknown.DocumentAsync();
        unknownPage.FieldMessage("Form.CompanyName").Should().StartWith("No company of exactly this name");
        unknownPage.QuerySelectorAll("[data-testid=similar-companies] li").Select(li => li.Text()).Should().Equal("Acme Health");
        (await unnamed.DocumentAsync()).FieldMessage("Form.CompanyName").Should().Be("Name the company you recruit for.");
        (await app.ExecuteDbContextAsync(db => db.Users.CountAsync())).Should().Be(0);
        (await app.ExecuteDbContextAsync(db => db.Companies.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task A_signed_in_user_asking_for_the_register_page_is_sent_to_their_account()
    {
        var seeker = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);

        var response = await (await app.SignedInClientAsync(seeker)).GetAsync(new Uri("/Account/Register", UriKind.Relative));

        response.ShouldRedirectTo("/Account");
    }
}
