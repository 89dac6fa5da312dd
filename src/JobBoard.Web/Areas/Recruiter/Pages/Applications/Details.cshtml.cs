using JobBoard.Data;
using JobBoard.Domain.Applications;
using JobBoard.Web.Applications;
using JobBoard.Web.Authorization;
using JobBoard.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Recruiter.Pages.Applications;

/// <summary>
/// One application to the recruiter's company: the applicant, their note, their CV (downloaded, never shown inline) and
/// its status, which the recruiter moves along and the seeker sees (and is mailed about when it is decided: shortlisted
/// or rejected). Another company's application is a 404.
/// </summary>
public sealed class DetailsModel(JobBoardDbContext db, CurrentRecruiter recruiter, TimeProvider clock, RecruiterNotices notices) : PageModel
{
    public ApplicationDetails Application { get; private set; } = null!;

    [TempData]
    public string? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var membership = await recruiter.GetAsync(cancellationToken);
        if (await CompanyApplications.Of(db, membership.CompanyId).AsNoTracking()
                .Where(x => x.Application.Id == id)
                .Select(x => new ApplicationDetails(
                    x.Application.Id, x.Application.Name, x.Application.Email, x.Application.Phone, x.Application.CoverNote,
                    x.Application.CvFileName, x.Application.CvKind, x.Application.CvSize, x.Application.SubmittedAt, x.Application.Status,
                    x.Posting.Id, x.Posting.Title))
                .FirstOrDefaultAsync(cancellationToken) is not { } application)
        {
            return NotFound();
        }

        Application = application;
        return Page();
    }

    /// <summary>
    /// The CV as a download with the type its bytes were checked to be: an attachment, never rendered by the browser
    /// here (nosniff), and not kept in caches.
    /// </summary>
    public async Task<IActionResult> OnGetCvAsync(long id, CancellationToken cancellationToken)
    {
        var membership = await recruiter.GetAsync(cancellationToken);
        if (await CompanyApplications.Of(db, membership.CompanyId).AsNoTracking()
                .Where(x => x.Application.Id == id)
                .Join(db.ApplicationCvs, x => x.Application.Id, cv => cv.ApplicationId, (x, cv) => new { x.Application.CvFileName, x.Application.CvKind, cv.Content })
                .FirstOrDefaultAsync(cancellationToken) is not { } cv)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(cv.Content, CvFile.ContentTypeOf(cv.CvKind), cv.CvFileName);
    }

    public async Task<IActionResult> OnPostStatusAsync(long id, string? status, CancellationToken cancellationToken)
    {
        var membership = await recruiter.GetAsync(cancellationToken);
        if (await CompanyApplications.Of(db, membership.CompanyId).Where(x => x.Application.Id == id).Select(x => x.Application)
                .FirstOrDefaultAsync(cancellationToken) is not { } application)
        {
            return NotFound();
        }

        if (ApplicationStatusDisplay.Parse(status) is not { } newStatus)
        {
            Outcome = "Choose a status from the list.";
            return RedirectToPage(new { id });
        }

        var before = application.Status;
        var changed = application.ChangeStatus(newStatus, clock.GetUtcNow());
        if (!changed.Succeeded)
        {
            Outcome = string.Join(" ", changed.Errors.Select(e => e.Message));
            return RedirectToPage(new { id });
        }

        await db.SaveChangesAsync(cancellationToken);
        Outcome = $"Marked {newStatus.ToDisplay().ToLowerInvariant()}; {application.Name} sees it on their applications page.";
        if (newStatus != before && newStatus is ApplicationStatus.Shortlisted or ApplicationStatus.Rejected)
        {
            // A decision is worth a mail; "reviewed" is not. A mail that cannot be sent is logged: the page shows the status anyway.
            var posting = await db.Postings.AsNoTracking().Where(p => p.Id == application.PostingId)
                .Select(p => new { p.Title, Company = p.Company.Name }).FirstAsync(cancellationToken);
            await notices.SendOneAsync(
                application.Email,
                $"Your application for {posting.Title} at {posting.Company}: {newStatus.ToDisplay().ToLowerInvariant()}",
                $"Hello {application.Name},\n\n{posting.Company} has marked your application for \"{posting.Title}\" as " +
                $"{newStatus.ToDisplay().ToLowerInvariant()}.\n\nYour applications and their statuses: {Url.PageLink("/Applications/Index", values: new { area = string.Empty })}\n",
                cancellationToken);
        }

        return RedirectToPage(new { id });
    }
}

public sealed record ApplicationDetails(
    long Id, string Name, string Email, string? Phone, string? Note, string CvFileName, CvKind CvKind, int CvSize,
    DateTimeOffset SubmittedAt, ApplicationStatus Status, int PostingId, string PostingTitle);
