using System.Net;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace JobBoard.Tests.Accounts;

/// <summary>
/// The account forms' posts are limited per client address (RateLimiting:AccountPostsPerMinute; the other tests turn it
/// off): a bucket of half a minute's posts, refilled on the app's clock, shared by sign-in, registration, password
/// reset and resending the confirmation.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class AccountRateLimitTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Guessing_passwords_fast_is_refused_with_retry_after_while_the_pages_stay_readable()
    {
        await app.CreateUserAsync("dana@example.test", BoardRoles.Seeker);
        await using var limited = LimitedTo(10);
        var client = limited.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler());

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await client.SignInAsync($"user{attempt}@example.test", "wrong-password")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var refused = await client.SignInAsync("dana@example.test");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(6), "one post comes back every six seconds");
        (await refused.DocumentAsync()).QuerySelector("[data-testid=error]")!.Text().Should().Be("Too many requests Please wait a moment and try again. Browse jobs Home");

        (await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "reading the form is not limited");
        var register = await client.RegisterAsync(AccountPages.Registration("new@example.test"));
        var forgot = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Form.Email"] = "dana@example.test" });
        var resend = await client.SubmitFormAsync("/Account/ResendConfirmation", new Dictionary<string, string> { ["Form.Email"] = "dana@example.test" });
        new[] { register, forgot, resend }.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.TooManyRequests, "the account forms share the bucket");

        app.Clock.Advance(TimeSpan.FromSeconds(6));
        (await client.SignInAsync("dana@example.test")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a post came back");
    }

    private WebApplicationFactory<Program> LimitedTo(int postsPerMinute) => app.WithWebHostBuilder(builder => builder
        .UseSetting("RateLimiting:AccountPostsPerMinute", postsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("Database:Migrate", "false"));
}
