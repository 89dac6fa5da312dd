namespace JobBoard.Domain.Moderation;

/// <summary>
/// One admin or recruiter action worth answering for later: who did what to which record, when and why. Posting status
/// changes are kept with their posting (<see cref="Postings.PostingStatusChange"/>); the admin's audit log reads both.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry(string actor, string action, string subjectType, string subjectId)
    {
        Actor = actor;
        Action = action;
        SubjectType = subjectType;
        SubjectId = subjectId;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The acting user's e-mail, or "system" for the background services.</summary>
    public string Actor { get; private set; }

    /// <summary>What was done, as a short verb phrase: "verified company", "locked user", "renamed category".</summary>
    public string Action { get; private set; }

    /// <summary>The kind of record acted on: "company", "user", "posting", "category", "report".</summary>
    public string SubjectType { get; private set; }

    public string SubjectId { get; private set; }

    public string? Reason { get; private set; }

    public static AuditEntry Record(DateTimeOffset at, string actor, string action, string subjectType, string subjectId, string? reason = null) =>
        new(actor, action, subjectType, subjectId) { At = at, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() };
}
