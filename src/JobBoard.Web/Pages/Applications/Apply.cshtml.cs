using JobBoard.Data;
using JobBoard.Domain.Applications;
using JobBoard.Domain.Postings;
using JobBoard.Web.Applications;
using JobBoard.Web.Authorization;
using JobBoard.Web.Feeds;
using JobBoard.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobBoard.Web.Pages.Applications;

/// <summary>
/// The on-board application (<c>/jobs/{id}/apply/form</c>) of a posting that takes them: name, address, phone, a note
/// and a CV that <see cref="CvFile.Check"/> accepts, stored in the database with the application. Signed in, so the
/// seeker can follow its status on <c>/applications</c>; one per seeker and posting (a second visit shows the first).
/// The request limit is five times a CV's <see cref="CvFile.MaxBytes"/>, so that the files people mistake for a CV (a
/// scan, a portfolio) get the field's message, with the rest of the form kept, rather than a refused request; past it,
/// the request is refused before it is read.
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[EnableRateLimiting(RateLimits.Applies)]
public sealed class ApplyModel(JobBoardDbContext db, TimeProvider clock, RecruiterNotices notices) : PageModel
{
    private const int RequestLimit = 5 * CvFile.MaxBytes;

    /// <summary>The domain's fields and the form's, where they are named differently.</summary>
    private static readonly Dictionary<string, string> FieldKeys = new()
    {
        [nameof(JobApplication.Name)] = nameof(Name),
        [nameof(JobApplication.Email)] = nameof(Email),
        [nameof(JobApplication.Phone)] = nameof(Phone),
        [nameof(JobApplication.CoverNote)] = nameof(Note),
        [nameof(Cv)] = nameof(Cv),
    };

    public OnBoardPosting Posting { get; private set; } = null!;

    /// <summary>The seeker's application to this posting, when they have made one.</summary>
    public ExistingApplication? Existing { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public IFormFile? Cv { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } posting)
        {
            return NotFound();
        }

        if (!posting.TakesApplications)
        {
            return Redirect(posting.Url);
        }

        Posting = posting;
        Existing = await ExistingAsync(cancellationToken);
        var user = await db.Users.Where(u => u.Id == UserId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(cancellationToken);
        Name = user.DisplayName;
        Email = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } posting)
        {
            return NotFound();
        }

        if (!posting.TakesApplications)
        {
            return Redirect(posting.Url);
        }

        Posting = posting;
        if ((Existing = await ExistingAsync(cancellationToken)) is not null)
        {
            return Page();
        }

        var checkedCv = CvFile.Check(Cv?.FileName, Cv?.ContentType, Cv is null ? [] : await ReadAsync(Cv, cancellationToken));
        var now = clock.GetUtcNow();
        // The fields are checked even when the CV is refused, so every message shows at once; the stand-in CV is never stored.
        var submitted = JobApplication.Submit(
            posting.Id, UserId, Name, Email, Phone, Note, checkedCv.Succeeded ? checkedCv.Value : new CheckedCv("cv.pdf", CvKind.Pdf, []), now);
        FormText.AddErrors(ModelState, checkedCv, FieldKeys);
        FormText.AddErrors(ModelState, submitted, FieldKeys);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var application = submitted.Value;
        if (!await SaveAsync(application, checkedCv.Value, cancellationToken))
        {
            // A second tab sent the same application a moment earlier: theirs stands.
            Existing = await ExistingAsync(cancellationToken);
            return Page();
        }

        await notices.SendAsync(posting.CompanyId, $"New application: {posting.Title}",
            $"""
            {application.Name} applied for “{posting.Title}” on JobBoard.

            Read the application and download the CV in your inbox:
            {Request.Origin()}/Recruiter/Applications/Details/{application.Id}
            """,
            cancellationToken);
        TempData["Outcome"] = $"Your application for “{posting.Title}” was sent to {posting.CompanyName}.";
        return Redirect("/applications");
    }

    private int UserId => User.UserId() ?? throw new InvalidOperationException("The folder's policy lets only signed-in users in.");

    /// <summary>The application and its CV in one transaction; false when the seeker's application to the posting exists.</summary>
    private async Task<bool> SaveAsync(JobApplication application, CheckedCv cv, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.JobApplications.Add(application);
                await db.SaveChangesAsync(cancellationToken);
                // The CV's key is the application's, known once it is inserted.
                db.ApplicationCvs.Add(ApplicationCv.For(application, cv));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<ExistingApplication?> ExistingAsync(CancellationToken cancellationToken) =>
        await db.JobApplications.AsNoTracking()
            .Where(a => a.UserId == UserId && a.PostingId == Posting.Id)
            .Select(a => new ExistingApplication(a.Id, a.SubmittedAt, a.Status, a.CvFileName))
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<OnBoardPosting?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var posting = await db.Postings.AsNoTracking()
            .WhereHasPublicPage()
            .Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Slug, p.Title, p.CompanyId, Company = p.Company.Name, p.TakesApplicationsOnBoard, p.Status, p.ValidThrough })
            .FirstOrDefaultAsync(cancellationToken);
        return posting is null
            ? null
            : new OnBoardPosting(
                posting.Id, posting.Slug, posting.Title, posting.CompanyId, posting.Company,
                posting.TakesApplicationsOnBoard && JobPosting.IsOpen(posting.Status, posting.ValidThrough, today));
    }

    /// <summary>At most one byte more than a CV may have: enough for <see cref="CvFile.Check"/> to say it is too large.</summary>
    private static async Task<byte[]> ReadAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        var limit = CvFile.MaxBytes + 1;
        using var buffer = new MemoryStream((int)Math.Min(upload.Length, limit));
        await using var stream = upload.OpenReadStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>A posting as the application form shows it; <see cref="TakesApplications"/> when it is open and takes them on the board.</summary>
public sealed record OnBoardPosting(int Id, string Slug, string Title, int CompanyId, string CompanyName, bool TakesApplications)
{
    public string Url => $"/jobs/{Id}/{Slug}";
}

public sealed record ExistingApplication(long Id, DateTimeOffset SubmittedAt, ApplicationStatus Status, string CvFileName);
