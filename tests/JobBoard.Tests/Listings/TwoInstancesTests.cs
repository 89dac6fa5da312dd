using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Accounts;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Listings;

/// <summary>
/// DESIGN.md §7: two app instances, each on its own port (Kestrel, real HTTP), on one database, as behind a load
/// balancer. One browser (one cookie jar) goes back and forth between them.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class TwoInstancesTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task A_sign_in_and_an_antiforgery_token_from_one_instance_are_accepted_by_the_other()
    {
        var acme = Company();
        await app.InsertAsync(acme);
        await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme);
        await using var first = StartInstance();
        await using var second = StartInstance();
        var cookies = new CookieContainer();
        using var onFirst = Browser(first, cookies);
        using var onSecond = Browser(second, cookies);

        var signedIn = await onFirst.SignInAsync("recruiter@acme.test");
        var dashboardOnSecond = await onSecond.GetAsync(new Uri("/Recruiter", UriKind.Relative));
        var formFromFirst = (await onFirst.GetDocumentAsync("/Recruiter/Company")).QuerySelector<IHtmlFormElement>("form[data-testid=profile-form]")!;
        var postedToSecond = await onSecond.PostFormAsync(formFromFirst, "/Recruiter/Company",
            new Dictionary<string, string> { ["Profile.About"] = "We keep the lights on." });

        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        dashboardOnSecond.StatusCode.Should().Be(HttpStatusCode.OK, "the session cookie the first instance issued is read by the second");
        (await dashboardOnSecond.Content.ReadAsStringAsync()).Should().Contain("Acme Health");
        postedToSecond.StatusCode.Should().Be(HttpStatusCode.Redirect, "the second instance accepts the first one's antiforgery token");
        (await app.ExecuteDbContextAsync(db => db.Companies.FindAsync(acme.Id).AsTask()))!.About.Should().Be("We keep the lights on.");
        (await app.ExecuteDbContextAsync(db => db.DataProtectionKeys.CountAsync())).Should().BePositive("the key ring is kept in the database");
    }

    [Fact]
    public async Task A_posting_closed_through_one_instance_leaves_the_other_s_cached_page_and_its_search_at_once()
    {
        var acme = Company();
        var posting = Published(acme, Content("Lighthouse Keeper"));
        await app.InsertAsync(acme);
        await app.ExecuteDbContextAsync(async db =>
        {
            db.Attach(acme);
            db.Add(posting);
            await db.SaveChangesAsync();
        });
        var recruiter = await app.CreateUserAsync("recruiter@acme.test", BoardRoles.Recruiter, acme);
        await using var first = StartInstance();
        await using var second = StartInstance();
        await Task.WhenAll(ListeningAsync(first), ListeningAsync(second));
        using var recruiterOnFirst = Browser(first, new CookieContainer());
        // A visitor, signed out: only their pages come from the output cache.
        using var onSecond = Browser(second, new CookieContainer());
        await recruiterOnFirst.SignInAsync(recruiter.Email!);
        var pageUrl = (await onSecond.GetAsync(new Uri($"/jobs/{posting.Id}", UriKind.Relative))).Headers.Location!.OriginalString;

        var before = await onSecond.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            // Behind the app's back: the second instance goes on serving its cached copy.
            await connection.OpenAsync();
            await using var rename = new NpgsqlCommand($"UPDATE job_postings SET title = 'Lighthouse Keeper (renamed)' WHERE id = {posting.Id}", connection);
            await rename.ExecuteNonQueryAsync();
        }

        var cached = await onSecond.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        var closed = await recruiterOnFirst.SubmitFormAsync("/Recruiter", [new("Selected", $"{posting.Id}")], "[data-testid=bulk-form]", new("bulk", "close"));
        var after = await EventuallyAsync(() => onSecond.GetStringAsync(new Uri(pageUrl, UriKind.Relative)),
            page => page.Contains("no longer accepting applications", StringComparison.Ordinal));
        var search = await onSecond.GetStringAsync(new Uri("/jobs?q=lighthouse", UriKind.Relative));

        before.Should().Contain("Lighthouse Keeper").And.NotContain("no longer accepting applications");
        cached.Should().NotContain("(renamed)", "the page is served from the second instance's cache");
        closed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Should().Contain("Lighthouse Keeper (renamed)", "the second instance forgot its copy when the first closed the posting");
        search.Should().NotContain("Lighthouse Keeper");
    }

    private WebApplicationFactory<Program> StartInstance()
    {
        // A free port each: the derived factory does not take UseKestrel's port, so Kestrel is given the address itself.
        var instance = app.WithWebHostBuilder(builder => builder.UseSetting("Database:Migrate", "false").UseUrls("http://127.0.0.1:0"));
        instance.UseKestrel();
        instance.StartServer();
        return instance;
    }

    private static HttpClient Browser(WebApplicationFactory<Program> instance, CookieContainer cookies)
    {
        var address = instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    private static Task ListeningAsync(WebApplicationFactory<Program> instance) =>
        instance.Services.GetRequiredService<PostingCacheListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Notifications arrive after the commit, in milliseconds: a few tries, far inside the cache's minute.</summary>
    private static async Task<string> EventuallyAsync(Func<Task<string>> read, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(3);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
