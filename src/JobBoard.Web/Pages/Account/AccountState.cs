using System.Security.Claims;
using JobBoard.Data;
using JobBoard.Domain.Companies;
using JobBoard.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Pages.Account;

/// <summary>A recruiter's place in a company, as the account and access-denied pages explain it.</summary>
public sealed record MembershipState(string CompanyName, string CompanySlug, CompanyVerification Verification, MembershipStatus Status, bool IsOwner)
{
    /// <summary>The signed-in user's memberships, newest request first.</summary>
    public static async Task<IReadOnlyList<MembershipState>> OfAsync(JobBoardDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId
            ? await db.CompanyMembers.Where(m => m.UserId == userId).OrderByDescending(m => m.RequestedAt)
                .Select(m => new MembershipState(m.Company.Name, m.Company.Slug, m.Company.Verification, m.Status, m.IsOwner))
                .ToListAsync(cancellationToken)
            : [];

    public string Describe() => (Status, IsOwner) switch
    {
        (MembershipStatus.Approved, true) => "You own this company on JobBoard and approve who joins it.",
        (MembershipStatus.Approved, false) => "You recruit for this company.",
        (MembershipStatus.Pending, _) => "Your request to join this company is waiting for its owner's approval.",
        _ => "Your request to join this company was declined.",
    };

    public string DescribeVerification() => Verification switch
    {
        CompanyVerification.Pending => "An admin has yet to verify this company: its jobs can be drafted but not published until then.",
        CompanyVerification.Rejected => "An admin could not verify this company: its jobs cannot be published.",
        _ => "Verified.",
    };
}
