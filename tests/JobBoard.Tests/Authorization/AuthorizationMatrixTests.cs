using System.Net;
using System.Security.Claims;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Moderation;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Seekers;
using JobBoard.Domain.Taxonomy;
using JobBoard.Tests.Infrastructure;
using JobBoard.Web.Alerts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Authorization;

/// <summary>
/// Every Razor Page handler and every endpoint of the app, read from its own endpoint metadata, tried as a guest, a
/// seeker, a recruiter of company A (which owns the records in the addresses), a recruiter of company B and an admin.
/// A handler that is not in <see cref="AuthorizationMatrix.Rows"/> fails the test, so a new page cannot ship without a
/// decided rule; POSTs go with a valid antiforgery token, and a second test proves each is refused without one.
/// </summary>
[Collection(WebTestsDefinition.Name)]
public sealed class AuthorizationMatrixTests(JobBoardApp app) : WebTest(app)
{
    [Fact]
    public async Task Every_handler_and_endpoint_of_the_app_is_in_the_matrix_and_the_matrix_names_nothing_else()
    {
        var handlers = await AppHandlersAsync();
        var rows = AuthorizationMatrix.Rows.Select(r => r.Key).ToList();

        rows.Should().OnlyHaveUniqueItems();
        // Joined, so that the message names every one (a collection's message stops at 32).
        string.Join("\n", handlers.Except(rows)).Should().BeEmpty("every handler needs a decided rule in AuthorizationMatrix.Rows");
        string.Join("\n", rows.Except(handlers)).Should().BeEmpty("the matrix names only handlers the app has");
    }

    [Fact]
    public async Task Each_handler_answers_each_kind_of_user_as_the_matrix_says()
    {
        var failures = new List<string>();
        var board = await TestBoard.CreateAsync(app);
        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var (who, expected) in row.Expectations())
            {
                using var client = await board.ClientAsync(who);
                var response = await board.SendAsync(client, who, row, withToken: true);
                var actual = Classify(response);
                if (actual != expected)
                {
                    failures.Add($"{row.Key} as {who}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }

            // A write may have changed the records the next row needs; reads leave them as they were.
            if (row.Method != "GET")
            {
                await app.ResetAsync();
                board = await TestBoard.CreateAsync(app);
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_POST_handler_refuses_a_request_without_an_antiforgery_token()
    {
        var failures = new List<string>();
        var board = await TestBoard.CreateAsync(app);
        // Without a token nothing is written, so the board serves every row.
        foreach (var row in AuthorizationMatrix.Rows.Where(r => r.Method == "POST" && !r.IsApi && r.NeedsAntiforgery))
        {
            var (who, _) = row.Expectations().First(e => e.Access == Access.Allowed);
            using var client = await board.ClientAsync(who);
            var response = await board.SendAsync(client, who, row, withToken: false);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{row.Key} as {who} without a token: {(int)response.StatusCode}");
            }
        }

        failures.Should().BeEmpty();
    }

    private static Access Classify(HttpResponseMessage response)
    {
        // A page's own redirect (post-redirect-get) is relative; the sign-in and access-denied ones are absolute.
        var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString.Split('?')[0]) : null;
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location == "/Account/SignIn" => Access.SignIn,
            HttpStatusCode.Redirect when location == "/Account/AccessDenied" => Access.Denied,
            HttpStatusCode.Forbidden => Access.Denied,
            HttpStatusCode.Unauthorized => Access.SignIn,
            HttpStatusCode.NotFound => Access.NotFound,
            HttpStatusCode.BadRequest => Access.BadRequest,
            >= HttpStatusCode.InternalServerError => Access.ServerError,
            _ => Access.Allowed,
        };
    }

    private async Task<IReadOnlyList<string>> AppHandlersAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var keys = new HashSet<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    keys.Add(MatrixRow.PageKey(page.AreaName, page.ViewEnginePath, handler.HttpMethod.ToUpperInvariant(), handler.Name));
                }

                if (compiled.HandlerMethods.Count == 0)
                {
                    keys.Add(MatrixRow.PageKey(page.AreaName, page.ViewEnginePath, "GET", null));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
                foreach (var method in methods)
                {
                    keys.Add(MatrixRow.EndpointKey(endpoint.RoutePattern.RawText ?? string.Empty, method));
                }
            }
        }

        return [.. keys.Order()];
    }
}

public enum Access
{
    Allowed,
    SignIn,
    Denied,
    NotFound,
    BadRequest,
    ServerError,
}

public enum Who
{
    Guest,
    Seeker,
    RecruiterA,
    RecruiterB,
    Admin,
}

/// <summary>
/// One handler and what each kind of user gets from it. <see cref="Url"/> may name the records of the test board:
/// {draft}, {pending}, {published} (postings of company A), {companyA}, {companyB} (slugs), {report}, {user} (the
/// seeker's id), {request} (a pending join request to company A), {companyAId}, {category} (an unused category's id).
/// </summary>
public sealed record MatrixRow(string Key, string Method, string Url, Access Guest, Access Seeker, Access RecruiterA, Access RecruiterB, Access Admin)
{
    public bool IsApi => Key.StartsWith("endpoint ", StringComparison.Ordinal);

    /// <summary>False only for the error page, which re-executes failed POSTs of any kind and changes nothing.</summary>
    public bool NeedsAntiforgery { get; init; } = true;

    public static string PageKey(string? area, string page, string method, string? handler) =>
        $"page {(area is null ? string.Empty : area + ":")}{page} {method}{(handler is null ? string.Empty : " " + handler)}";

    public static string EndpointKey(string pattern, string method) => $"endpoint {method} /{pattern.TrimStart('/')}";

    public IEnumerable<(Who Who, Access Access)> Expectations() =>
    [
        (Who.Guest, Guest),
        (Who.Seeker, Seeker),
        (Who.RecruiterB, RecruiterB),
        (Who.Admin, Admin),
        // Last: an allowed write by the owner may change the records the others were tried on.
        (Who.RecruiterA, RecruiterA),
    ];
}

/// <summary>The records and people every matrix row is tried against.</summary>
internal sealed class TestBoard
{
    private readonly JobBoardApp _app;
    private readonly Dictionary<Who, BoardUser> _users = [];
    private readonly Dictionary<string, string> _values = [];

    private TestBoard(JobBoardApp app) => _app = app;

    public static async Task<TestBoard> CreateAsync(JobBoardApp app)
    {
        var board = new TestBoard(app);
        var companyA = Company("Company A");
        var companyB = Company("Company B");
        var draft = Draft(companyA, Content("Draft Nurse") with { ApplyUrl = "https://a.example/apply" });
        var pending = Draft(companyA, Content("Pending Nurse") with { ApplyUrl = "https://a.example/apply" });
        pending.Submit("recruiter@a.test", Now).Succeeded.Should().BeTrue();
        var published = Published(companyA, Content("Published Nurse") with { ApplyUrl = "https://a.example/apply" });
        await app.InsertAsync(companyA, companyB, draft, pending, published);

        board._users[Who.Seeker] = await app.CreateUserAsync("seeker@matrix.test", BoardRoles.Seeker, password: null);
        board._users[Who.RecruiterA] = await app.CreateUserAsync("recruiter@a.test", BoardRoles.Recruiter, companyA, password: null);
        board._users[Who.RecruiterB] = await app.CreateUserAsync("recruiter@b.test", BoardRoles.Recruiter, companyB, password: null);
        board._users[Who.Admin] = await app.CreateUserAsync("admin@matrix.test", BoardRoles.Admin, password: null);
        var joiner = await app.CreateUserAsync("joiner@matrix.test", BoardRoles.Recruiter, companyA, owner: false, password: null);
        var report = PostingReport.File(published.Id, ReportReason.Spam, null, null, Now).Value;
        await app.InsertAsync(report);
        var requestId = await app.ExecuteDbContextAsync(db => Task.FromResult(db.CompanyMembers.Single(m => m.UserId == joiner.Id).Id));
        var category = Category.Create("Unused Category");
        await app.InsertAsync(category);

        // Applications on the board: a posting of company A that takes them, and the seeker's application with its CV.
        var onBoard = Published(companyA, Content("On-board Nurse") with { ApplyUrl = null, TakesApplicationsOnBoard = true });
        await app.ExecuteDbContextAsync(async db =>
        {
            db.Attach(companyA);
            db.Add(onBoard);
            await db.SaveChangesAsync();
        });
        var cv = JobBoard.Domain.Applications.CvFile.Check("cv.pdf", CvSamples.PdfType, CvSamples.Pdf()).Value;
        var application = JobBoard.Domain.Applications.JobApplication.Submit(onBoard.Id, board._users[Who.Seeker].Id, "Seeker", "seeker@matrix.test", null, null, cv, Now).Value;
        await app.InsertAsync(application);
        await app.InsertAsync(JobBoard.Domain.Applications.ApplicationCv.For(application, cv));
        board._values["{onBoard}"] = onBoard.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        board._values["{application}"] = application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        board._values["{draft}"] = draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        board._values["{pending}"] = pending.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        board._values["{published}"] = published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        board._values["{publishedSlug}"] = published.Slug;
        board._values["{companyA}"] = companyA.Slug;
        board._values["{companyB}"] = companyB.Slug;
        board._values["{report}"] = report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        board._values["{user}"] = board._users[Who.Seeker].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        board._values["{companyAId}"] = companyA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        board._values["{category}"] = category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        board._values["{request}"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The seeker's alert, and a guest's with the tokens of its mailed links.
        var alert = JobAlert.ForSeeker(board._users[Who.Seeker].Id, "seeker@matrix.test", "Nurses", "q=nurse", AlertFrequency.Daily, Now).Value;
        var guestAlert = JobAlert.ForGuest("guest@matrix.test", "Nurses", "q=nurse", AlertFrequency.Daily, Now).Value;
        await app.InsertAsync(alert, guestAlert);
        var alertTokens = app.Services.GetRequiredService<AlertTokens>();
        board._values["{alert}"] = alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        board._values["{confirmToken}"] = Uri.EscapeDataString(alertTokens.Confirmation(guestAlert.Id));
        board._values["{unsubscribeToken}"] = Uri.EscapeDataString(alertTokens.Unsubscribe(guestAlert.Id));
        return board;
    }

    public async Task<HttpClient> ClientAsync(Who who) =>
        who == Who.Guest ? _app.GuestClient(new CookieContainer()) : await _app.SignedInClientAsync(_users[who], new CookieContainer());

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, Who who, MatrixRow row, bool withToken)
    {
        var url = _values.Aggregate(row.Url, (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal));
        if (row.Method == "GET")
        {
            return await client.GetAsync(new Uri(url, UriKind.Relative));
        }

        var fields = new List<KeyValuePair<string, string>>();
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(url, UriKind.Relative));
        if (withToken)
        {
            var (cookie, token) = await AntiforgeryFor(who);
            request.Headers.Add("Cookie", cookie);
            fields.Add(new("__RequestVerificationToken", token));
        }

        request.Content = new FormUrlEncodedContent(fields);
        return await client.SendAsync(request);
    }

    /// <summary>A cookie and form token pair the app accepts from this user, made by the app's own antiforgery service.</summary>
    private async Task<(string Cookie, string Token)> AntiforgeryFor(Who who)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.User = who == Who.Guest
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : await scope.ServiceProvider.GetRequiredService<SignInManager<BoardUser>>().CreateUserPrincipalAsync(_users[who]);
        var antiforgery = scope.ServiceProvider.GetRequiredService<IAntiforgery>();
        var tokens = antiforgery.GetAndStoreTokens(context);
        var setCookie = context.Response.Headers.SetCookie.ToString();
        return (setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)], tokens.RequestToken!);
    }
}

/// <summary>The decided rule of every handler; <see cref="AuthorizationMatrixTests"/> holds the app to it.</summary>
internal static class AuthorizationMatrix
{
    private const Access A = Access.Allowed;
    private const Access S = Access.SignIn;
    private const Access D = Access.Denied;
    private const Access N = Access.NotFound;

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // The public board: everyone.
        Page(null, "/Index", "GET", null, "/", A, A, A, A, A),
        // The error page answers with the status it describes, to everyone.
        Page(null, "/Error", "GET", null, "/Error?status=404", N, N, N, N, N),
        Page(null, "/Error", "POST", null, "/Error?status=404", N, N, N, N, N) with { NeedsAntiforgery = false },
        Page(null, "/Jobs/Index", "GET", null, "/jobs?q=nurse", A, A, A, A, A),
        Page(null, "/Jobs/Details", "GET", null, "/jobs/{published}/{publishedSlug}", A, A, A, A, A),
        // Reporting a posting: anyone (the form is re-shown with its messages when the reason is missing).
        Page(null, "/Jobs/Report", "GET", null, "/jobs/{published}/report", A, A, A, A, A),
        Page(null, "/Jobs/Report", "POST", null, "/jobs/{published}/report", A, A, A, A, A),
        Page(null, "/Companies/Index", "GET", null, "/companies", A, A, A, A, A),
        Page(null, "/Companies/Details", "GET", null, "/companies/{companyA}", A, A, A, A, A),
        // Saved jobs: a guest's "Save job" link asks them to sign in (the save is done then); the list and the Save and
        // Unsave posts are the signed-in user's own, whatever their role.
        Page(null, "/Jobs/Save", "GET", null, "/jobs/{published}/save", S, A, A, A, A),
        Page(null, "/Saved/Index", "GET", null, "/saved", S, A, A, A, A),
        Page(null, "/Saved/Index", "POST", "Save", "/saved?handler=Save&postingId={published}", S, A, A, A, A),
        Page(null, "/Saved/Index", "POST", "Unsave", "/saved?handler=Unsave&postingId={published}", S, A, A, A, A),
        Page(null, "/ApiDocs/Index", "GET", null, "/api", A, A, A, A, A),
        Endpoint("api/v1/jobs/", "GET", "/api/v1/jobs?q=nurse", A, A, A, A, A),
        Endpoint("api/v1/jobs/{id:int}", "GET", "/api/v1/jobs/{published}", A, A, A, A, A),
        Endpoint("api/v1/jobs/{id:int}/recommendations", "GET", "/api/v1/jobs/{published}/recommendations", A, A, A, A, A),
        Endpoint("feeds/jobs.rss", "GET", "/feeds/jobs.rss", A, A, A, A, A),
        Endpoint("sitemap.xml", "GET", "/sitemap.xml", A, A, A, A, A),
        Endpoint("sitemaps/pages.xml", "GET", "/sitemaps/pages.xml", A, A, A, A, A),
        Endpoint("sitemaps/companies-{number:int:min(1)}.xml", "GET", "/sitemaps/companies-1.xml", A, A, A, A, A),
        Endpoint("sitemaps/jobs-{number:int:min(1)}.xml", "GET", "/sitemaps/jobs-1.xml", A, A, A, A, A),
        Endpoint("robots.txt", "GET", "/robots.txt", A, A, A, A, A),
        Endpoint("health/live", "*", "/health/live", A, A, A, A, A),
        Endpoint("health/ready", "*", "/health/ready", A, A, A, A, A),
        Endpoint("api/openapi/{documentName}.json", "GET", "/api/openapi/v1.json", A, A, A, A, A),
        Endpoint("{*path}", "*", "/no-such-page", N, N, N, N, N),
        // Apply: anyone is sent on to where the posting takes applications (the click is counted).
        Endpoint("jobs/{id:int}/apply", "GET", "/jobs/{published}/apply", A, A, A, A, A),
        // Applying on the board and following one's applications: any signed-in user.
        Page(null, "/Applications/Apply", "GET", null, "/jobs/{onBoard}/apply/form", S, A, A, A, A),
        Page(null, "/Applications/Apply", "POST", null, "/jobs/{onBoard}/apply/form", S, A, A, A, A),
        Page(null, "/Applications/Index", "GET", null, "/applications", S, A, A, A, A),
        // A company without a logo has none to serve, to anyone.
        Endpoint("companies/{slug}/logo", "GET", "/companies/{companyA}/logo?v=1", N, N, N, N, N),

        // Accounts: the ways in are open to everyone (a signed-in user is shown the page or sent on); the account page
        // needs an account.
        Page(null, "/Account/Register", "GET", null, "/Account/Register", A, A, A, A, A),
        Page(null, "/Account/Register", "POST", null, "/Account/Register", A, A, A, A, A),
        Page(null, "/Account/CheckInbox", "GET", null, "/Account/CheckInbox", A, A, A, A, A),
        Page(null, "/Account/ConfirmEmail", "GET", null, "/Account/ConfirmEmail?userId={user}&code=wrong", A, A, A, A, A),
        Page(null, "/Account/ResendConfirmation", "GET", null, "/Account/ResendConfirmation", A, A, A, A, A),
        Page(null, "/Account/ResendConfirmation", "POST", null, "/Account/ResendConfirmation", A, A, A, A, A),
        Page(null, "/Account/SignIn", "GET", null, "/Account/SignIn", A, A, A, A, A),
        Page(null, "/Account/SignIn", "POST", null, "/Account/SignIn", A, A, A, A, A),
        Page(null, "/Account/SignOut", "GET", null, "/Account/SignOut", A, A, A, A, A),
        Page(null, "/Account/SignOut", "POST", null, "/Account/SignOut", A, A, A, A, A),
        Page(null, "/Account/ForgotPassword", "GET", null, "/Account/ForgotPassword", A, A, A, A, A),
        Page(null, "/Account/ForgotPassword", "POST", null, "/Account/ForgotPassword", A, A, A, A, A),
        Page(null, "/Account/ResetPassword", "GET", null, "/Account/ResetPassword?userId={user}&code=wrong", A, A, A, A, A),
        Page(null, "/Account/ResetPassword", "POST", null, "/Account/ResetPassword", A, A, A, A, A),
        // The page that says "not for you" answers 403 to everyone.
        Page(null, "/Account/AccessDenied", "GET", null, "/Account/AccessDenied", D, D, D, D, D),
        Page(null, "/Account/Index", "GET", null, "/Account", S, A, A, A, A),
        // A user's own data: the download and the deletion (an empty form is re-shown with its messages; the only
        // admin and the only recruiter of a company with live postings are shown why not), then the goodbye page.
        Page(null, "/Account/Index", "GET", "Export", "/Account?handler=Export", S, A, A, A, A),
        Page(null, "/Account/Delete", "GET", null, "/Account/Delete", S, A, A, A, A),
        Page(null, "/Account/Delete", "POST", null, "/Account/Delete", S, A, A, A, A),
        Page(null, "/Account/Deleted", "GET", null, "/Account/Deleted", A, A, A, A, A),

        // Alerts: anyone saves a search (a guest by mail); the mailed links work for whoever holds them; the list and its
        // changes are the owner's alone (another's alert is not found).
        Page(null, "/Alerts/New", "GET", null, "/alerts/new?q=nurse", A, A, A, A, A),
        Page(null, "/Alerts/New", "POST", null, "/alerts/new?q=nurse", A, A, A, A, A),
        Page(null, "/Alerts/Confirm", "GET", null, "/alerts/confirm?token={confirmToken}", A, A, A, A, A),
        Page(null, "/Alerts/Confirm", "POST", null, "/alerts/confirm?token={confirmToken}", A, A, A, A, A),
        Page(null, "/Alerts/Unsubscribe", "GET", null, "/alerts/unsubscribe?token={unsubscribeToken}", A, A, A, A, A),
        // RFC 8058's one-click POST comes from a mail client, with the signed token and no antiforgery token.
        Page(null, "/Alerts/Unsubscribe", "POST", null, "/alerts/unsubscribe?token={unsubscribeToken}", A, A, A, A, A) with { NeedsAntiforgery = false },
        Page(null, "/Alerts/Index", "GET", null, "/alerts", S, A, A, A, A),
        Page(null, "/Alerts/Index", "POST", "Change", "/alerts?handler=Change&id={alert}", S, A, N, N, N),
        Page(null, "/Alerts/Index", "POST", "Delete", "/alerts?handler=Delete&id={alert}", S, A, N, N, N),

        // The recruiter area: approved recruiters only, each on their own company's records; another company's
        // posting is not found. Admins are not recruiters.
        Page("Recruiter", "/Index", "GET", null, "/Recruiter", S, D, A, A, D),
        Page("Recruiter", "/Index", "GET", "Export", "/Recruiter?handler=Export", S, D, A, A, D),
        Page("Recruiter", "/Index", "POST", null, "/Recruiter?bulk=close&Selected={published}", S, D, A, N, D),
        Page("Recruiter", "/Team", "GET", null, "/Recruiter/Team", S, D, A, A, D),
        Page("Recruiter", "/Team", "POST", "Approve", "/Recruiter/Team?handler=Approve&memberId={request}", S, D, A, N, D),
        Page("Recruiter", "/Team", "POST", "Decline", "/Recruiter/Team?handler=Decline&memberId={request}", S, D, A, N, D),
        Page("Recruiter", "/Company/Index", "GET", null, "/Recruiter/Company", S, D, A, A, D),
        Page("Recruiter", "/Company/Index", "POST", "Profile", "/Recruiter/Company?handler=Profile", S, D, A, A, D),
        Page("Recruiter", "/Company/Index", "POST", "AddSection", "/Recruiter/Company?handler=AddSection", S, D, A, A, D),
        Page("Recruiter", "/Company/Index", "POST", "EditSection", "/Recruiter/Company?handler=EditSection", S, D, A, A, D),
        Page("Recruiter", "/Company/Index", "POST", "MoveSection", "/Recruiter/Company?handler=MoveSection&key=why&by=1", S, D, A, A, D),
        Page("Recruiter", "/Company/Index", "POST", "RemoveSection", "/Recruiter/Company?handler=RemoveSection&key=why", S, D, A, A, D),
        Page("Recruiter", "/Company/Logo", "GET", null, "/Recruiter/Company/Logo", S, D, A, A, D),
        Page("Recruiter", "/Company/Logo", "POST", null, "/Recruiter/Company/Logo", S, D, A, A, D),
        Page("Recruiter", "/Company/Logo", "POST", "Remove", "/Recruiter/Company/Logo?handler=Remove", S, D, A, A, D),
        Page("Recruiter", "/Postings/New", "GET", null, "/Recruiter/Postings/New", S, D, A, A, D),
        Page("Recruiter", "/Postings/New", "GET", "Places", "/Recruiter/Postings/New?handler=Places&term=chic", S, D, A, A, D),
        Page("Recruiter", "/Postings/New", "GET", "Skills", "/Recruiter/Postings/New?handler=Skills&term=sal", S, D, A, A, D),
        Page("Recruiter", "/Postings/New", "POST", null, "/Recruiter/Postings/New", S, D, A, A, D),
        Page("Recruiter", "/Postings/Import", "GET", null, "/Recruiter/Postings/Import", S, D, A, A, D),
        Page("Recruiter", "/Postings/Import", "POST", null, "/Recruiter/Postings/Import", S, D, A, A, D),
        Page("Recruiter", "/Postings/Edit", "GET", null, "/Recruiter/Postings/Edit/{draft}", S, D, A, N, D),
        // Suggestions of places and skills read no posting: the same for any id, so they tell nothing of one.
        Page("Recruiter", "/Postings/Edit", "GET", "Places", "/Recruiter/Postings/Edit/{draft}?handler=Places&term=chic", S, D, A, A, D),
        Page("Recruiter", "/Postings/Edit", "GET", "Skills", "/Recruiter/Postings/Edit/{draft}?handler=Skills&term=sal", S, D, A, A, D),
        Page("Recruiter", "/Postings/Edit", "POST", null, "/Recruiter/Postings/Edit/{draft}", S, D, A, N, D),
        Page("Recruiter", "/Postings/Edit", "POST", "Close", "/Recruiter/Postings/Edit/{published}?handler=Close", S, D, A, N, D),
        Page("Recruiter", "/Postings/Edit", "POST", "Renew", "/Recruiter/Postings/Edit/{published}?handler=Renew", S, D, A, N, D),
        Page("Recruiter", "/Postings/Edit", "POST", "Duplicate", "/Recruiter/Postings/Edit/{published}?handler=Duplicate", S, D, A, N, D),

        // The inbox and its CVs: company A's recruiters only; to company B's, A's application does not exist.
        Page("Recruiter", "/Applications/Index", "GET", null, "/Recruiter/Applications?posting={onBoard}", S, D, A, A, D),
        Page("Recruiter", "/Applications/Details", "GET", null, "/Recruiter/Applications/Details/{application}", S, D, A, N, D),
        Page("Recruiter", "/Applications/Details", "GET", "Cv", "/Recruiter/Applications/Details/{application}?handler=Cv", S, D, A, N, D),
        Page("Recruiter", "/Applications/Details", "POST", "Status", "/Recruiter/Applications/Details/{application}?handler=Status&status=Reviewed", S, D, A, N, D),

        // The admin area: admins only.
        Page("Admin", "/Index", "GET", null, "/Admin", S, D, D, D, A),
        Page("Admin", "/Queue/Index", "GET", null, "/Admin/Queue", S, D, D, D, A),
        Page("Admin", "/Queue/Review", "GET", null, "/Admin/Queue/Review/{pending}", S, D, D, D, A),
        Page("Admin", "/Queue/Review", "POST", "Approve", "/Admin/Queue/Review/{pending}?handler=Approve", S, D, D, D, A),
        Page("Admin", "/Queue/Review", "POST", "Reject", "/Admin/Queue/Review/{pending}?handler=Reject", S, D, D, D, A),
        Page("Admin", "/Queue/Review", "POST", "RequestChanges", "/Admin/Queue/Review/{pending}?handler=RequestChanges", S, D, D, D, A),
        Page("Admin", "/Reports/Index", "GET", null, "/Admin/Reports", S, D, D, D, A),
        Page("Admin", "/Reports/Index", "POST", "Resolve", "/Admin/Reports?handler=Resolve&reportId={report}", S, D, D, D, A),
        Page("Admin", "/Companies/Index", "GET", null, "/Admin/Companies", S, D, D, D, A),
        Page("Admin", "/Companies/Index", "POST", "Verify", "/Admin/Companies?handler=Verify&companyId={companyAId}", S, D, D, D, A),
        Page("Admin", "/Companies/Index", "POST", "Reject", "/Admin/Companies?handler=Reject&companyId={companyAId}", S, D, D, D, A),
        Page("Admin", "/Companies/Index", "POST", "ApproveMember", "/Admin/Companies?handler=ApproveMember&memberId={request}", S, D, D, D, A),
        Page("Admin", "/Companies/Index", "POST", "DeclineMember", "/Admin/Companies?handler=DeclineMember&memberId={request}", S, D, D, D, A),
        Page("Admin", "/Users/Index", "GET", null, "/Admin/Users?q=seeker", S, D, D, D, A),
        Page("Admin", "/Users/Edit", "GET", null, "/Admin/Users/Edit/{user}", S, D, D, D, A),
        Page("Admin", "/Users/Edit", "POST", "Lock", "/Admin/Users/Edit/{user}?handler=Lock", S, D, D, D, A),
        Page("Admin", "/Users/Edit", "POST", "Unlock", "/Admin/Users/Edit/{user}?handler=Unlock", S, D, D, D, A),
        Page("Admin", "/Users/Edit", "POST", "ChangeRole", "/Admin/Users/Edit/{user}?handler=ChangeRole", S, D, D, D, A),
        Page("Admin", "/Categories/Index", "GET", null, "/Admin/Categories", S, D, D, D, A),
        Page("Admin", "/Categories/Index", "POST", "Add", "/Admin/Categories?handler=Add", S, D, D, D, A),
        Page("Admin", "/Categories/Index", "POST", "Rename", "/Admin/Categories?handler=Rename&categoryId={category}", S, D, D, D, A),
        Page("Admin", "/Categories/Index", "POST", "Delete", "/Admin/Categories?handler=Delete&categoryId={category}", S, D, D, D, A),
        Page("Admin", "/Audit/Index", "GET", null, "/Admin/Audit?kind=posting&subject={pending}", S, D, D, D, A),
    ];

    private static MatrixRow Page(string? area, string page, string method, string? handler, string url, Access guest, Access seeker, Access recruiterA, Access recruiterB, Access admin) =>
        new(MatrixRow.PageKey(area, page, method, handler), method, url, guest, seeker, recruiterA, recruiterB, admin);

    private static MatrixRow Endpoint(string pattern, string method, string url, Access guest, Access seeker, Access recruiterA, Access recruiterB, Access admin) =>
        new(MatrixRow.EndpointKey(pattern, method), method == "*" ? "GET" : method, url, guest, seeker, recruiterA, recruiterB, admin);
}
