namespace JobBoard.Domain.Companies;

public enum MembershipStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>
/// A recruiter's place in one company. The recruiter who registers a company owns it at once; anyone who asks to join an
/// existing one waits until its owner or an admin approves. A recruiter acts only on the postings of an approved
/// membership's company.
/// </summary>
public sealed class CompanyMember
{
    private CompanyMember()
    {
    }

    public int Id { get; private set; }

    public int CompanyId { get; private set; }

    public Company Company { get; private set; } = null!;

    /// <summary>The Identity user's id.</summary>
    public int UserId { get; private set; }

    public bool IsOwner { get; private set; }

    public MembershipStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Who approved or declined the request (their e-mail), null while pending and for the founder.</summary>
    public string? DecidedBy { get; private set; }

    public bool IsApproved => Status == MembershipStatus.Approved;

    /// <summary>The recruiter who registered <paramref name="company"/>: its owner, approved at once.</summary>
    public static CompanyMember Founder(Company company, int userId, DateTimeOffset now) => new()
    {
        Company = company,
        CompanyId = company.Id,
        UserId = userId,
        IsOwner = true,
        Status = MembershipStatus.Approved,
        RequestedAt = now,
        DecidedAt = now,
    };

    /// <summary>A request to join <paramref name="company"/>, pending its owner's or an admin's decision.</summary>
    public static CompanyMember Request(Company company, int userId, DateTimeOffset now) => new()
    {
        Company = company,
        CompanyId = company.Id,
        UserId = userId,
        Status = MembershipStatus.Pending,
        RequestedAt = now,
    };

    public Common.Result Approve(string actor, DateTimeOffset now) => Decide(MembershipStatus.Approved, actor, now);

    public Common.Result Decline(string actor, DateTimeOffset now) => Decide(MembershipStatus.Declined, actor, now);

    private Common.Result Decide(MembershipStatus to, string actor, DateTimeOffset now)
    {
        if (Status != MembershipStatus.Pending)
        {
            return Common.Result.Failure(nameof(Status), $"This request was already {Status.ToString().ToLowerInvariant()}.");
        }

        Status = to;
        DecidedAt = now;
        DecidedBy = actor;
        return Common.Result.Success();
    }
}
