using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Tests.Admin;

/// <summary>What the admin tests start from: a signed-in admin, a company with its recruiter, postings in a given state.</summary>
internal static class AdminBoard
{
    public const string AdminEmail = "admin@jobboard.test";
    public const string RecruiterEmail = "recruiter@acme.test";

    private static readonly HtmlParser Parser = new();

    public static async Task<HttpClient> AdminClientAsync(this JobBoardApp app, string email = AdminEmail) =>
        await app.SignedInClientAsync(await app.CreateUserAsync(email, BoardRoles.Admin));

    /// <summary>The page a form post answered with (a validation failure re-renders the form).</summary>
    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>A company (verified unless said otherwise) with its owning recruiter.</summary>
    public static async Task<Company> CompanyWithRecruiterAsync(this JobBoardApp app, bool verified = true, string name = "Acme Health")
    {
        var profile = new CompanyProfile(About: $"{name} makes things better.", EmployeeCount: 1200);
        var company = verified ? Company.Create(name, profile).Value : Company.Register(name, profile).Value;
        await app.InsertAsync(company);
        await app.CreateUserAsync(RecruiterEmail, BoardRoles.Recruiter, company);
        return company;
    }

    public static async Task<JobPosting> PendingAsync(this JobBoardApp app, Company company, string title = "Registered Nurse", DateTimeOffset? submittedAt = null)
    {
        var posting = JobPosting.CreateDraft(company, TestPostings.Content(title), RecruiterEmail, submittedAt ?? TestPostings.Now).Value;
        posting.Submit(RecruiterEmail, submittedAt ?? TestPostings.Now).Succeeded.Should().BeTrue();
        await app.InsertPostingsAsync(company, posting);
        return posting;
    }

    /// <summary>Postings of a company already saved (with its recruiter): the company is attached, not inserted again.</summary>
    public static Task InsertPostingsAsync(this JobBoardApp app, Company company, params JobPosting[] postings) =>
        app.ExecuteDbContextAsync(async db =>
        {
            db.Attach(company);
            db.Postings.AddRange(postings);
            await db.SaveChangesAsync();
        });

    public static Task<JobPosting> ReloadAsync(this JobBoardApp app, int postingId) =>
        app.ExecuteDbContextAsync(db => db.Postings.AsNoTracking().Include(p => p.StatusHistory.OrderBy(h => h.At).ThenBy(h => h.Id)).SingleAsync(p => p.Id == postingId));

    public static void ShouldRedirectTo(this HttpResponseMessage response, string path)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the request should have succeeded and redirected");
        response.Headers.Location!.OriginalString.Should().StartWith(path);
    }

    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}
