using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Tests.Accounts;

[Collection(WebTestsDefinition.Name)]
public sealed class SignInTests(JobBoardApp app) : WebTest(app)
{
    private const string Session = "jobboard.session";

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        var client = app.GuestClient();

        var wrong = await (await client.SignInAsync("dana@example.test", "not-the-password")).DocumentAsync();
        var unknown = await (await client.SignInAsync("nobody@example.test", "not-the-password")).DocumentAsync();

        wrong.QuerySelector("[data-testid=sign-in-problem]")!.Text().Should().Be("Wrong e-mail address or password.");
        unknown.QuerySelector("[data-testid=sign-in-problem]")!.Text().Should().Be("Wrong e-mail address or password.");
        wrong.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Form.Email']")!.Value.Should().Be("dana@example.test");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_page_says_until_when()
    {
        await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        var client = app.GuestClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await (await client.SignInAsync("dana@example.test", $"wrong-password-{attempt}")).DocumentAsync();
            refused.QuerySelector("[data-testid=sign-in-problem]")!.Text().Should().Be("Wrong e-mail address or password.");
        }

        var fifth = await (await client.SignInAsync("dana@example.test", "wrong-password-5")).DocumentAsync();
        var right = await client.SignInAsync("dana@example.test");

        var end = (await app.ExecuteDbContextAsync(db => db.Users.SingleAsync())).LockoutEnd!.Value;
        var until = end.UtcDateTime.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        fifth.QuerySelector("[data-testid=sign-in-problem]")!.Text().Should().Be(
            $"Too many failed attempts: this account is locked until {until} UTC. Try again then, or reset your password.");
        right.StatusCode.Should().Be(HttpStatusCode.OK, "even the right password is refused while locked");
        (await right.DocumentAsync()).QuerySelector("[data-testid=sign-in-problem]")!.Text().Should().StartWith("Too many failed attempts");
        (end - DateTimeOffset.UtcNow).Should().BeCloseTo(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Wrong_passwords_for_an_unconfirmed_account_count_towards_its_lockout_and_do_not_say_it_is_unconfirmed()
    {
        var user = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        await app.ExecuteDbContextAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false)));

        var page = await (await app.GuestClient().SignInAsync("dana@example.test", "not-the-password")).DocumentAsync();

        page.QuerySelector("[data-testid=sign-in-problem]")!.Text().Should().Be("Wrong e-mail address or password.");
        (await app.ExecuteDbContextAsync(db => db.Users.SingleAsync())).AccessFailedCount.Should().Be(1);
    }

    [Fact]
    public async Task Signing_in_issues_a_new_session_cookie_and_signing_out_makes_the_old_one_worthless()
    {
        await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        var cookies = new CookieContainer();
        var client = app.GuestClient(cookies);
        var board = new Uri("http://localhost");
        // A session cookie planted before sign-in (session fixation) is replaced, not adopted.
        cookies.Add(board, new Cookie(Session, "planted-by-someone-else"));

        (await client.SignInAsync("dana@example.test")).ShouldRedirectTo("/Account");
        var first = cookies.GetCookies(board)[Session]!.Value;
        (await client.SignInAsync("dana@example.test")).ShouldRedirectTo("/Account");
        var second = cookies.GetCookies(board)[Session]!.Value;

        first.Should().NotBe("planted-by-someone-else");
        second.Should().NotBe(first, "each sign-in issues a session of its own");
        (await WithSessionAsync(second)).StatusCode.Should().Be(HttpStatusCode.OK);

        var signedOut = await client.SubmitFormAsync("/Account", formSelector: "form[data-testid=sign-out]");

        signedOut.ShouldRedirectTo("/");
        var replayed = await WithSessionAsync(second);
        replayed.StatusCode.Should().Be(HttpStatusCode.Redirect, "a copy of the cookie kept from before the sign-out no longer signs anyone in");
        replayed.Headers.Location!.AbsolutePath.Should().Be("/Account/SignIn");
        (await WithSessionAsync(first)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Signing_out_takes_a_POST_with_the_antiforgery_token()
    {
        var user = await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        var client = await app.SignedInClientAsync(user);

        var asked = await client.GetDocumentAsync("/Account/SignOut");
        var forged = await client.PostAsync(new Uri("/Account/SignOut", UriKind.Relative), new FormUrlEncodedContent([]));

        asked.QuerySelector("main h1")!.Text().Should().Be("Sign out");
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("/Account", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "neither the GET nor the forged POST signed out");

        (await client.SubmitFormAsync("/Account/SignOut", formSelector: "main form")).ShouldRedirectTo("/");
        (await client.GetAsync(new Uri("/Account", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("/Admin", "/Admin")]
    [InlineData("https://evil.example/phish", "/Admin")]
    [InlineData("//evil.example/phish", "/Admin")]
    public async Task Sign_in_returns_to_a_local_address_only(string returnUrl, string expected)
    {
        await app.CreateUserAsync("admin@jobboard.test", BoardRoles.Admin);

        var response = await app.GuestClient().SignInAsync("admin@jobboard.test", page: $"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(returnUrl)}");

        response.ShouldRedirectTo(expected);
    }

    [Fact]
    public async Task The_nav_offers_sign_in_to_a_guest_and_a_recruiter_their_area_and_sign_out()
    {
        var company = TestPostings.Company();
        await app.InsertAsync(company);
        var recruiter = await app.CreateUserAsync("hiring@acme.test", BoardRoles.Recruiter, company);

        var guest = await app.GuestClient().GetDocumentAsync("/");
        var signedIn = await (await app.SignedInClientAsync(recruiter)).GetDocumentAsync("/");

        guest.QuerySelectorAll("[data-testid=account-nav] a").Select(a => a.Text()).Should().Equal("Sign in", "Register");
        var nav = signedIn.QuerySelector("[data-testid=account-nav]")!;
        nav.QuerySelectorAll("a").Select(a => (a.Text(), a.GetAttribute("href"))).Should().Equal(("Recruiter", "/Recruiter"), ("hiring", "/Account"));
        nav.QuerySelector("form[data-testid=sign-out]")!.GetAttribute("method").Should().Be("post");
        nav.QuerySelector("form[data-testid=sign-out] input[name=__RequestVerificationToken]").Should().NotBeNull();
    }

    private async Task<HttpResponseMessage> WithSessionAsync(string session)
    {
        var cookies = new CookieContainer();
        cookies.Add(new Uri("http://localhost"), new Cookie(Session, session));
        return await app.GuestClient(cookies).GetAsync(new Uri("/Account", UriKind.Relative));
    }
}
