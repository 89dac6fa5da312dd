using JobBoard.Domain.Common;

namespace JobBoard.Domain.Moderation;

public enum ReportReason
{
    Scam,
    Spam,
    Discriminatory,
    Misleading,
    NoLongerAvailable,
    Other,
}

/// <summary>A visitor's report that a published posting breaks the rules, until an admin resolves it.</summary>
public sealed class PostingReport
{
    public const int MaxDetailsLength = 2_000;

    private PostingReport()
    {
    }

    public long Id { get; private set; }

    public int PostingId { get; private set; }

    public ReportReason Reason { get; private set; }

    public string? Details { get; private set; }

    /// <summary>The reporting user's id when signed in; reports by guests are anonymous.</summary>
    public int? ReporterUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public string? Resolution { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public static Result<PostingReport> File(int postingId, ReportReason reason, string? details, int? reporterUserId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(reason))
        {
            return Result<PostingReport>.Failure(new DomainError(nameof(Reason), "Choose a reason from the list."));
        }

        details = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (details is { Length: > MaxDetailsLength })
        {
            return Result<PostingReport>.Failure(new DomainError(nameof(Details), $"Details have at most {MaxDetailsLength} characters."));
        }

        if (reason == ReportReason.Other && details is null)
        {
            return Result<PostingReport>.Failure(new DomainError(nameof(Details), "Say what is wrong with this posting."));
        }

        return Result<PostingReport>.Success(new PostingReport
        {
            PostingId = postingId,
            Reason = reason,
            Details = details,
            ReporterUserId = reporterUserId,
            CreatedAt = now,
        });
    }

    public Result Resolve(string actor, string resolution, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Result.Failure(nameof(Resolution), "This report was already resolved.");
        }

        if (string.IsNullOrWhiteSpace(resolution))
        {
            return Result.Failure(nameof(Resolution), "Say what was done about the report.");
        }

        ResolvedAt = now;
        ResolvedBy = actor;
        Resolution = resolution.Trim();
        return Result.Success();
    }
}
