using System.Net;
using System.Net.Http.Headers;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Accounts;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Accounts;
using JobBoard.Web.Seekers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Authorization;

/// <summary>
/// DESIGN.md §6: the security headers, the cookies' flags and the request size limits, read from real responses: every
/// GET handler of <see cref="AuthorizationMatrix"/> (so every page type, API endpoint, feed and sitemap), a static
/// file, a missing page and a refused form post.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class ResponseHeadersTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Every_page_type_carries_the_security_headers_and_only_http_only_same_site_cookies()
    {
        var board = await TestBoard.CreateAsync(app);
        var failures = new List<string>();
        var cookiesSeen = new HashSet<string>();
        foreach (var row in AuthorizationMatrix.Rows.Where(r => r.Method == "GET"))
        {
            var who = row.Expectations().Select(e => e.Who).First();
            using var client = await board.ClientAsync(who);
            var response = await board.SendAsync(client, who, row, withToken: true);
            failures.AddRange(Problems(response).Select(problem => $"{row.Key} as {who}: {problem}"));
            cookiesSeen.UnionWith(CookieNames(response));
        }

        using var guest = app.GuestClient();
        foreach (var url in new[] { "/css/site.css", "/no-such-page", "/Account/SignIn" })
        {
            var response = await guest.GetAsync(new Uri(url, UriKind.Relative));
            failures.AddRange(Problems(response).Select(problem => $"GET {url}: {problem}"));
            cookiesSeen.UnionWith(CookieNames(response));
        }

        var refused = await guest.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent([new("Form.Email", "x@y.test")]));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "it carried no antiforgery token");
        failures.AddRange(Problems(refused).Select(problem => $"refused POST: {problem}"));

        failures.Should().BeEmpty();
        cookiesSeen.Should().Contain(name => name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal), "the form pages set one");
    }

    [Fact]
    public async Task Outside_development_every_cookie_is_secure_even_over_plain_http_and_https_answers_with_hsts()
    {
        var acme = Company();
        await app.InsertAsync(acme);
        await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme);
        var posting = Published(acme, Content("Lighthouse Keeper"));
        await app.ExecuteDbContextAsync(async db =>
        {
            db.Attach(acme);
            db.Add(posting);
            await db.SaveChangesAsync();
        });
        await using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var overHttps = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://jobboard.example"), AllowAutoRedirect = false });
        using var overHttp = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://jobboard.example"), AllowAutoRedirect = false });
        using var guestOverHttps = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://jobboard.example"), AllowAutoRedirect = false });

        var signInPage = await overHttps.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        var signedIn = await overHttps.SignInAsync("recruiter@acme.test");
        var profileSaved = await overHttps.SubmitFormAsync("/Recruiter/Company", new Dictionary<string, string> { ["Profile.About"] = "We keep the lights on." },
            "form[data-testid=profile-form]");
        var pendingSave = await guestOverHttps.GetAsync(new Uri($"/jobs/{posting.Id}/save", UriKind.Relative));
        var plainHttp = await overHttp.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        // The browser did not keep the Secure antiforgery cookie over plain HTTP, so the form comes back without it.
        var formOverPlainHttp = await overHttp.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent([new("Form.Email", "recruiter@acme.test")]));

        signInPage.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=");
        plainHttp.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS means nothing over plain HTTP");
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        profileSaved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookies = new[] { signInPage, signedIn, profileSaved, pendingSave, plainHttp }.SelectMany(SetCookies).ToList();
        var names = cookies.Select(CookieName).ToList();
        names.Should().Contain([BoardAccounts.SessionCookie, PendingSave.CookieName, ".AspNetCore.Mvc.CookieTempDataProvider"]);
        names.Should().Contain(name => name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        cookies.Should().OnlyContain(cookie => Has(cookie, "secure") && Has(cookie, "httponly") && (cookie.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase) || cookie.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase)),
            "every cookie is Secure, HttpOnly and SameSite (Lax or Strict) outside development, whatever the request's scheme");
        SetCookies(plainHttp).Should().NotBeEmpty("the sign-in form over plain HTTP still sets its antiforgery cookie, Secure");
        formOverPlainHttp.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await formOverPlainHttp.Content.ReadAsStringAsync()).Should().Contain("Forms on this board work only over a secure connection");
    }

    [Fact]
    public async Task A_form_post_over_the_size_limit_is_refused_with_413_and_a_clear_page_before_it_is_read()
    {
        await using var instance = app.WithWebHostBuilder(builder => builder.UseUrls("http://127.0.0.1:0"));
        instance.UseKestrel();
        instance.StartServer();
        var address = instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

        // As curl sends a large body: asking first (Expect: 100-continue), so the 413 comes before the body is sent.
        // Without it the client may still be writing a body the server will not drain when the answer arrives, and a
        // loaded machine sees the connection reset instead of the page (the server's answer is the same either way).
        using var tooLargeRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/SignIn", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("Form.Email", new string('a', Program.DefaultRequestBodyKilobytes * 1024))]),
        };
        tooLargeRequest.Headers.ExpectContinue = true;
        var tooLarge = await client.SendAsync(tooLargeRequest);
        var underTheLimit = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative),
            new FormUrlEncodedContent([new("Form.Email", new string('a', 100_000))]));
        var editorSized = await client.PostAsync(new Uri("/Recruiter/Postings/New", UriKind.Relative),
            new FormUrlEncodedContent([new("Form.Description", new string('a', 2 * 1024 * 1024))]));

        tooLarge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var page = await tooLarge.Content.ReadAsStringAsync();
        page.Should().Contain("Too large").And.Contain("more than this form takes").And.NotContain("Exception");
        underTheLimit.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a body under the limit is read, and refused for its missing antiforgery token");
        editorSized.StatusCode.Should().Be(HttpStatusCode.Redirect, "the posting editor takes up to 4 MB, and a guest is sent to sign in");
    }

    [Fact]
    public async Task A_field_of_a_megabyte_and_a_half_in_the_posting_editor_gets_the_editor_s_message_not_a_413()
    {
        var acme = Company();
        await app.InsertAsync(acme);
        using var recruiter = await app.SignedInClientAsync(await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme, password: null));

        var response = await recruiter.SubmitFormAsync("/Recruiter/Postings/New",
            new Dictionary<string, string> { ["Form.Title"] = "Night Nurse", ["Form.Summary"] = new string('a', 1_500_000) },
            "form[data-testid=editor]", new("command", "Save"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the form is shown again with its message, the input kept");
        (await response.Content.ReadAsStringAsync()).Should().Contain("This text has at most 20,000 characters.");
    }

    private static IEnumerable<string> Problems(HttpResponseMessage response)
    {
        var policy = Header(response, "Content-Security-Policy");
        if (policy is null)
        {
            yield return "no Content-Security-Policy";
        }
        else
        {
            var scripts = Directive(policy, "script-src") ?? Directive(policy, "default-src") ?? "(none)";
            if (scripts.Split(' ').Any(source => source is not "'self'" and not "'none'"))
            {
                yield return $"scripts may come from more than the site: script-src {scripts}";
            }

            foreach (var (directive, value) in new[] { ("object-src", "'none'"), ("frame-ancestors", "'none'"), ("base-uri", "'self'"), ("form-action", "'self'") })
            {
                if (Directive(policy, directive) != value)
                {
                    yield return $"{directive} is not {value}";
                }
            }
        }

        if (Header(response, "X-Content-Type-Options") != "nosniff")
        {
            yield return "no X-Content-Type-Options: nosniff";
        }

        if (Header(response, "X-Frame-Options") != "DENY")
        {
            yield return "no X-Frame-Options: DENY";
        }

        if (Header(response, "Referrer-Policy") is null)
        {
            yield return "no Referrer-Policy";
        }

        foreach (var cookie in SetCookies(response).Where(c => !Has(c, "httponly") || !c.Contains("samesite=", StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"a cookie without HttpOnly or SameSite: {cookie}";
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static string? Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries)
            .FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..];

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static IEnumerable<string> CookieNames(HttpResponseMessage response) => SetCookies(response).Select(CookieName);

    private static string CookieName(string setCookie) => setCookie[..setCookie.IndexOf('=', StringComparison.Ordinal)];

    private static bool Has(string setCookie, string attribute) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Any(part => part.Equals(attribute, StringComparison.OrdinalIgnoreCase));
}
