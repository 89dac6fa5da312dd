using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using JobBoard.Web.Accounts;
using JobBoard.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Areas.Recruiter.Pages;

/// <summary>
/// The recruiters of the signed-in recruiter's company and the requests to join it. Every member sees the team; only the
/// owner approves or declines a request (and the requester is told by mail). A request of another company is a 404.
/// </summary>
public sealed class TeamModel(JobBoardDbContext db, CurrentRecruiter recruiter, UserManager<BoardUser> users, AccountMail mail, TimeProvider clock) : PageModel
{
    public RecruiterMembership Membership { get; private set; } = null!;

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? decided, CancellationToken cancellationToken)
    {
        Membership = await recruiter.GetAsync(cancellationToken);
        Message = decided;
        Members = await (
            from member in db.CompanyMembers
            join user in db.Users on member.UserId equals user.Id
            where member.CompanyId == Membership.CompanyId && member.Status != MembershipStatus.Declined
            orderby member.Status == MembershipStatus.Pending ? 0 : 1, member.IsOwner descending, member.RequestedAt, member.Id
            select new TeamMember(member.Id, user.DisplayName ?? user.Email!, user.Email!, member.IsOwner, member.Status, member.RequestedAt))
            .ToListAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostApproveAsync(int memberId, CancellationToken cancellationToken) => DecideAsync(memberId, approve: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(int memberId, CancellationToken cancellationToken) => DecideAsync(memberId, approve: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(int memberId, bool approve, CancellationToken cancellationToken)
    {
        var membership = await recruiter.GetAsync(cancellationToken);
        var request = await db.CompanyMembers.Include(m => m.Company)
            .FirstOrDefaultAsync(m => m.Id == memberId && m.CompanyId == membership.CompanyId, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        if (!membership.IsOwner)
        {
            return Forbid();
        }

        var decided = approve ? request.Approve(membership.Email, clock.GetUtcNow()) : request.Decline(membership.Email, clock.GetUtcNow());
        if (!decided.Succeeded)
        {
            return RedirectToPage(new { decided = decided.Errors[0].Message });
        }

        await db.SaveChangesAsync(cancellationToken);
        var requester = await users.FindByIdAsync(request.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (requester is not null)
        {
            await mail.SendJoinDecisionAsync(requester, request.Company.Name, approve, cancellationToken);
        }

        var who = requester?.DisplayName ?? requester?.Email ?? "The recruiter";
        return RedirectToPage(new { decided = approve ? $"{who} has joined {request.Company.Name}." : $"You declined {who}'s request." });
    }
}

public sealed record TeamMember(int Id, string Name, string Email, bool IsOwner, MembershipStatus Status, DateTimeOffset RequestedAt);
