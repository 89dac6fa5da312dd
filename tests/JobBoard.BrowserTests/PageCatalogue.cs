using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobBoard.BrowserTests;

/// <summary>Who looks at a catalogue page: nobody signed in, or one of the demo accounts.</summary>
public enum Visitor
{
    Guest,
    Seeker,
    NewSeeker,
    Recruiter,
    Admin,
}

/// <summary>
/// One page type of the board as a visitor sees it: its address, who is signed in, the status it answers with and, for a
/// form, an empty submission that brings its validation messages up.
/// </summary>
/// <param name="Name">Short, unique, file-name safe: it names the page in failures and its screenshots.</param>
/// <param name="SubmitEmpty">A selector for the form to send with nothing filled in (the browser's own checks off),
/// so the page under check is the form the server sends back with its messages.</param>
public sealed record CataloguePage(string Name, Visitor Visitor, string Path, int Status = 200, string? SubmitEmpty = null)
{
    public override string ToString() => $"{Name} ({Path}{(SubmitEmpty is null ? "" : ", sent empty")}, as {Visitor.ToString().ToLowerInvariant()})";
}

/// <summary>
/// Every GET page type the board has, for the checks every page must pass (<see cref="PageCatalogueTests"/>): public
/// pages, the guest's account forms, the seeker's, recruiter's and admin's pages, error pages, and forms showing their
/// validation messages. Over the demo board, the demo accounts (the seeker has saved jobs, an alert and an application
/// to Novartis, whose recruiter sees it) and a draft and a posting waiting for review made here.
/// </summary>
public sealed class PageCatalogue
{
    private const string MainForm = "main form[method=post]";

    private PageCatalogue(IReadOnlyDictionary<Visitor, BoardUser> accounts, IReadOnlyList<CataloguePage> pages)
    {
        Accounts = accounts;
        Pages = pages;
    }

    public IReadOnlyDictionary<Visitor, BoardUser> Accounts { get; }

    public IReadOnlyList<CataloguePage> Pages { get; }

    public static async Task<PageCatalogue> BuildAsync(BrowserBoard board)
    {
        await using (var scope = board.App.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<DemoAccounts>(scope.ServiceProvider).EnsureAsync(CancellationToken.None);
        }

        var newSeeker = await board.App.CreateUserAsync("catalogue-seeker@browser.test", BoardRoles.Seeker, password: null);
        // A company waiting for verification and a request to join Novartis, so the admin's company lists have rows.
        await board.App.CreateUserAsync("catalogue-owner@pending-health-services.test", BoardRoles.Recruiter, Company.Register("Catalogue Pending Health Services", new CompanyProfile(About: "Clinics.")).Value, password: null);
        var novartisCompany = await board.App.ExecuteDbContextAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Name == "Novartis"));
        await board.App.CreateUserAsync("catalogue-joiner@browser.test", BoardRoles.Recruiter, novartisCompany, owner: false, password: null);
        var ids = await board.App.ExecuteDbContextAsync(async db =>
        {
            var novartis = await db.Companies.SingleAsync(c => c.Name == "Novartis");
            var draft = TestPostings.Draft(novartis, TestPostings.Content("Catalogue Field Nurse"));
            var pending = TestPostings.Draft(novartis, TestPostings.Content("Catalogue Clinic Manager"));
            pending.Submit(DemoAccounts.All[0].Email, TestPostings.Now).Succeeded.Should().BeTrue();
            db.Postings.AddRange(draft, pending);
            await db.SaveChangesAsync();
            int Posting(string title) => db.Postings.Where(p => p.Title == title && p.CompanyId == novartis.Id).Select(p => p.Id).Single();
            var seeker = await db.Users.SingleAsync(u => u.Email == "seeker@jobboard.example");
            return new
            {
                Chicago = Posting(SeedAds.ChicagoTitle),
                Bucharest = Posting("Key Account Manager -Oncology | Bucharest"),
                OnBoard = Posting(DemoSeeker.OnBoardTitle),
                Draft = draft.Id,
                Pending = pending.Id,
                Seeker = seeker.Id,
                Application = await db.JobApplications.Where(a => a.UserId == seeker.Id).Select(a => a.Id).SingleAsync(),
                Company = novartis.Slug,
            };
        });
        var accounts = await board.App.ExecuteDbContextAsync(async db => new Dictionary<Visitor, BoardUser>
        {
            [Visitor.Seeker] = await db.Users.SingleAsync(u => u.Email == "seeker@jobboard.example"),
            [Visitor.Recruiter] = await db.Users.SingleAsync(u => u.Email == "recruiter@novartis.example"),
            [Visitor.Admin] = await db.Users.SingleAsync(u => u.Email == "admin@jobboard.example"),
            [Visitor.NewSeeker] = newSeeker,
        });

        CataloguePage[] pages =
        [
            // What everyone sees.
            new("home", Visitor.Guest, "/"),
            new("search", Visitor.Guest, "/jobs"),
            new("search-keyword-place", Visitor.Guest, "/jobs?q=sales&location=Chicago%2C+IL"),
            new("search-filtered", Visitor.Guest, "/jobs?mode=Remote&type=FullTime&page=2"),
            new("search-no-results", Visitor.Guest, "/jobs?q=zzyzx+qwerty"),
            new("search-bad-input", Visitor.Guest, "/jobs?salaryMin=999999999999999"),
            new("posting-chicago", Visitor.Guest, $"/jobs/{ids.Chicago}"),
            new("posting-bucharest", Visitor.Guest, $"/jobs/{ids.Bucharest}"),
            new("posting-apply-on-board", Visitor.Guest, $"/jobs/{ids.OnBoard}"),
            new("company", Visitor.Guest, $"/companies/{ids.Company}"),
            new("companies", Visitor.Guest, "/companies"),
            new("api-docs", Visitor.Guest, "/api"),
            new("report", Visitor.Guest, $"/jobs/{ids.Chicago}/report"),
            new("report-errors", Visitor.Guest, $"/jobs/{ids.Chicago}/report", SubmitEmpty: MainForm),
            new("alert-new", Visitor.Guest, "/alerts/new?q=sales&location=Chicago%2C+IL"),
            new("alert-new-errors", Visitor.Guest, "/alerts/new?q=sales", SubmitEmpty: MainForm),
            new("alert-confirm-bad-link", Visitor.Guest, "/alerts/confirm?token=not-a-token", Status: 400),
            new("alert-unsubscribe-bad-link", Visitor.Guest, "/alerts/unsubscribe?token=not-a-token", Status: 400),
            new("not-found", Visitor.Guest, "/no-such-page", Status: 404),
            new("posting-not-found", Visitor.Guest, "/jobs/987654/nothing", Status: 404),

            // The guest's account pages.
            new("sign-in", Visitor.Guest, "/Account/SignIn"),
            new("sign-in-errors", Visitor.Guest, "/Account/SignIn", SubmitEmpty: MainForm),
            new("register", Visitor.Guest, "/Account/Register"),
            new("register-errors", Visitor.Guest, "/Account/Register", SubmitEmpty: MainForm),
            new("forgot-password", Visitor.Guest, "/Account/ForgotPassword"),
            new("forgot-password-errors", Visitor.Guest, "/Account/ForgotPassword", SubmitEmpty: MainForm),
            new("resend-confirmation", Visitor.Guest, "/Account/ResendConfirmation"),
            new("reset-password-bad-link", Visitor.Guest, "/Account/ResetPassword"),
            new("confirm-email-bad-link", Visitor.Guest, "/Account/ConfirmEmail"),
            new("check-inbox", Visitor.Guest, "/Account/CheckInbox?for=confirm"),
            new("access-denied", Visitor.Guest, "/Account/AccessDenied", Status: 403),
            new("account-deleted", Visitor.Guest, "/Account/Deleted"),

            // A seeker's pages.
            new("home-seeker", Visitor.Seeker, "/"),
            new("posting-seeker", Visitor.Seeker, $"/jobs/{ids.Chicago}"),
            new("saved", Visitor.Seeker, "/saved"),
            new("alerts", Visitor.Seeker, "/alerts"),
            new("applications", Visitor.Seeker, "/applications"),
            new("account", Visitor.Seeker, "/Account"),
            new("account-delete", Visitor.Seeker, "/Account/Delete"),
            new("sign-out", Visitor.Seeker, "/Account/SignOut"),
            new("apply-form", Visitor.NewSeeker, $"/jobs/{ids.OnBoard}/apply/form"),
            new("apply-form-errors", Visitor.NewSeeker, $"/jobs/{ids.OnBoard}/apply/form", SubmitEmpty: MainForm),
            new("saved-empty", Visitor.NewSeeker, "/saved"),
            new("applications-empty", Visitor.NewSeeker, "/applications"),

            // The recruiter's area.
            new("recruiter", Visitor.Recruiter, "/Recruiter"),
            new("recruiter-new-posting", Visitor.Recruiter, "/Recruiter/Postings/New"),
            new("recruiter-new-posting-errors", Visitor.Recruiter, "/Recruiter/Postings/New", SubmitEmpty: MainForm),
            new("recruiter-edit-posting", Visitor.Recruiter, $"/Recruiter/Postings/Edit/{ids.Draft}"),
            new("recruiter-import", Visitor.Recruiter, "/Recruiter/Postings/Import"),
            new("recruiter-import-errors", Visitor.Recruiter, "/Recruiter/Postings/Import", SubmitEmpty: MainForm),
            new("recruiter-applications", Visitor.Recruiter, "/Recruiter/Applications"),
            new("recruiter-application", Visitor.Recruiter, $"/Recruiter/Applications/Details/{ids.Application}"),
            new("recruiter-company", Visitor.Recruiter, "/Recruiter/Company"),
            new("recruiter-logo", Visitor.Recruiter, "/Recruiter/Company/Logo"),
            new("recruiter-team", Visitor.Recruiter, "/Recruiter/Team"),

            // The admin's area.
            new("admin", Visitor.Admin, "/Admin"),
            new("admin-queue", Visitor.Admin, "/Admin/Queue"),
            new("admin-review", Visitor.Admin, $"/Admin/Queue/Review/{ids.Pending}"),
            new("admin-reports", Visitor.Admin, "/Admin/Reports"),
            new("admin-users", Visitor.Admin, "/Admin/Users"),
            new("admin-user", Visitor.Admin, $"/Admin/Users/Edit/{ids.Seeker}"),
            new("admin-companies", Visitor.Admin, "/Admin/Companies"),
            new("admin-categories", Visitor.Admin, "/Admin/Categories"),
            new("admin-audit", Visitor.Admin, "/Admin/Audit"),
        ];
        return new PageCatalogue(accounts, pages);
    }
}
