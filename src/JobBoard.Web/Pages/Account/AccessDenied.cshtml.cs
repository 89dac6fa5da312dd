using JobBoard.Data;
using JobBoard.Data.Accounts;
using JobBoard.Domain.Companies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JobBoard.Web.Pages.Account;

/// <summary>Says why a signed-in user was refused, from what they asked for and where their account stands.</summary>
public sealed class AccessDeniedModel(JobBoardDbContext db) : PageModel
{
    public string Reason { get; private set; } = "Your account does not give you access to this page.";

    public IReadOnlyList<MembershipState> Memberships { get; private set; } = [];

    public async Task OnGetAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var area = returnUrl?.TrimStart('/').Split('/', '?')[0].ToLowerInvariant();
        Memberships = await MembershipState.OfAsync(db, User, cancellationToken);
        if (area == "admin")
        {
            Reason = "The admin area is for the board's admins only.";
        }
        else if (area == "recruiter")
        {
            var latest = Memberships.Count > 0 ? Memberships[0] : null;
            Reason = !User.IsInRole(BoardRoles.Recruiter)
                ? "The recruiter area is for recruiters. Your account is a job seeker's."
                : latest is { Status: MembershipStatus.Pending } pending
                    ? $"Your request to join {pending.CompanyName} is waiting for its owner's approval. You can enter the recruiter area once it is approved; we will e-mail you."
                    : latest is { Status: MembershipStatus.Declined } declined
                        ? $"Your request to join {declined.CompanyName} was declined, so you do not recruit for a company on JobBoard."
                        : "Your account does not belong to a company on JobBoard yet.";
        }
    }
}
