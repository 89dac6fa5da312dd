using System.Globalization;
using JobBoard.Data;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Moderation;
using JobBoard.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Admin.Pages.Companies;

/// <summary>
/// Companies registered by recruiters, waiting to be verified (their postings cannot be published until then), and
/// requests to join any company, which an admin may decide as well as the company's owner.
/// </summary>
public sealed class IndexModel(JobBoardDbContext db, TimeProvider clock, RecruiterNotices notices) : PageModel
{
    public IReadOnlyList<PendingCompany> Companies { get; private set; } = [];

    public IReadOnlyList<JoinRequest> JoinRequests { get; private set; } = [];

    /// <summary>Optional note kept in the audit log with a rejection.</summary>
    [BindProperty]
    public string? Note { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostVerifyAsync(int companyId, CancellationToken cancellationToken) =>
        DecideCompanyAsync(companyId, verify: true, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int companyId, CancellationToken cancellationToken) =>
        DecideCompanyAsync(companyId, verify: false, cancellationToken);

    public Task<IActionResult> OnPostApproveMemberAsync(int memberId, CancellationToken cancellationToken) =>
        DecideMemberAsync(memberId, approve: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineMemberAsync(int memberId, CancellationToken cancellationToken) =>
        DecideMemberAsync(memberId, approve: false, cancellationToken);

    private async Task<IActionResult> DecideCompanyAsync(int companyId, bool verify, CancellationToken cancellationToken)
    {
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        if (company is null)
        {
            return NotFound();
        }

        var note = FormText.Check(ModelState, nameof(Note), Note, PostingReport.MaxDetailsLength);
        if (company.Verification != CompanyVerification.Pending)
        {
            ModelState.AddModelError(string.Empty, $"{company.Name} was already {company.Verification.ToString().ToLowerInvariant()}.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (verify)
        {
            company.Verify();
        }
        else
        {
            company.RejectVerification();
        }

        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), User.Identity!.Name!, verify ? "verified company" : "rejected company",
            "company", company.Id.ToString(CultureInfo.InvariantCulture), note));
        await db.SaveChangesAsync(cancellationToken);
        await notices.SendAsync(company.Id, verify ? $"{company.Name} is verified" : $"{company.Name} was not verified",
            verify
                ? $"An admin verified {company.Name} on the board: its postings can now be approved and published."
                : $"An admin could not verify {company.Name} on the board, so its postings cannot be published." + (note is null ? "" : $"\n\n{note}"),
            cancellationToken);
        TempData["Done"] = verify ? $"{company.Name} is verified." : $"{company.Name} was rejected.";
        return RedirectToPage();
    }

    private async Task<IActionResult> DecideMemberAsync(int memberId, bool approve, CancellationToken cancellationToken)
    {
        var member = await db.CompanyMembers.Include(m => m.Company).FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        var actor = User.Identity!.Name!;
        var now = clock.GetUtcNow();
        var decided = approve ? member.Approve(actor, now) : member.Decline(actor, now);
        if (!decided.Succeeded)
        {
            FormText.AddErrors(ModelState, decided);
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.AuditEntries.Add(AuditEntry.Record(now, actor, approve ? "approved join request" : "declined join request",
            "user", member.UserId.ToString(CultureInfo.InvariantCulture), member.Company.Name));
        await db.SaveChangesAsync(cancellationToken);
        var email = await db.Users.Where(u => u.Id == member.UserId).Select(u => u.Email).FirstAsync(cancellationToken);
        if (email is not null)
        {
            await notices.SendOneAsync(email, approve ? $"You joined {member.Company.Name}" : $"Your request to join {member.Company.Name}",
                approve
                    ? $"An admin approved your request to join {member.Company.Name}: you can now manage its postings in the recruiter area."
                    : $"An admin declined your request to join {member.Company.Name}.",
                cancellationToken);
        }

        TempData["Done"] = $"{email}'s request to join {member.Company.Name} was {(approve ? "approved" : "declined")}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Companies = await db.Companies
            .Where(c => c.Verification == CompanyVerification.Pending)
            .OrderBy(c => c.Id)
            .Select(c => new PendingCompany(
                c.Id, c.Name, c.Website,
                db.CompanyMembers.Where(m => m.CompanyId == c.Id && m.IsOwner).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).FirstOrDefault(),
                db.CompanyMembers.Where(m => m.CompanyId == c.Id && m.IsOwner).Select(m => (DateTimeOffset?)m.RequestedAt).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        JoinRequests = await db.CompanyMembers
            .Where(m => m.Status == MembershipStatus.Pending)
            .OrderBy(m => m.RequestedAt).ThenBy(m => m.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new JoinRequest(m.Id, u.Email ?? string.Empty, m.Company.Name, m.Company.Verification, m.RequestedAt))
            .ToListAsync(cancellationToken);
    }
}

public sealed record PendingCompany(int Id, string Name, string? Website, string? OwnerEmail, DateTimeOffset? RegisteredAt);

public sealed record JoinRequest(int Id, string Email, string CompanyName, CompanyVerification CompanyVerification, DateTimeOffset RequestedAt);
