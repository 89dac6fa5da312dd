using JobBoard.Domain.Common;

namespace JobBoard.Domain.Applications;

/// <summary>Where an application on the board stands; the seeker sees it on their applications page.</summary>
public enum ApplicationStatus
{
    New,
    Reviewed,
    Shortlisted,
    Rejected,
}

/// <summary>
/// A seeker's application to a posting that takes applications on the board: their name, address, a note and a CV
/// (<see cref="ApplicationCv"/>, checked by <see cref="CvFile"/>). One per seeker and posting. Only the posting's
/// company reads it; the seeker sees its <see cref="Status"/>.
/// </summary>
public sealed class JobApplication
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 256;
    public const int MaxPhoneLength = 40;
    public const int MaxNoteLength = 5_000;

    private JobApplication()
    {
    }

    public long Id { get; private set; }

    public int PostingId { get; private set; }

    public int UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string? Phone { get; private set; }

    public string? CoverNote { get; private set; }

    /// <summary>The CV's file name as uploaded (shown, never used as a path).</summary>
    public string CvFileName { get; private set; } = string.Empty;

    public CvKind CvKind { get; private set; }

    public int CvSize { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>A new application with its CV, once the CV has passed <see cref="CvFile.Check"/>.</summary>
    public static Result<JobApplication> Submit(
        int postingId, int userId, string? name, string? email, string? phone, string? coverNote, CheckedCv cv, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cv);
        var errors = new List<DomainError>();
        name = name?.Trim();
        email = email?.Trim();
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        coverNote = string.IsNullOrWhiteSpace(coverNote) ? null : coverNote.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new DomainError(nameof(Name), "Give your name."));
        }
        else if (name.Length > MaxNameLength || PlainText.HasControlCharacters(name, multiline: false))
        {
            errors.Add(new DomainError(nameof(Name), $"A name has at most {MaxNameLength} characters on one line."));
        }

        if (string.IsNullOrEmpty(email) || email.Length > MaxEmailLength || !WebAddress.IsValidEmail(email))
        {
            errors.Add(new DomainError(nameof(Email), "Give an e-mail address the company can reply to."));
        }

        if (phone is { Length: > MaxPhoneLength } || (phone is not null && PlainText.HasControlCharacters(phone, multiline: false)))
        {
            errors.Add(new DomainError(nameof(Phone), $"A phone number has at most {MaxPhoneLength} characters."));
        }

        if (coverNote is { Length: > MaxNoteLength } || (coverNote is not null && PlainText.HasControlCharacters(coverNote)))
        {
            errors.Add(new DomainError(nameof(CoverNote), $"A note has at most {MaxNoteLength:N0} characters."));
        }

        if (errors.Count > 0)
        {
            return Result<JobApplication>.Failure(errors);
        }

        return Result<JobApplication>.Success(new JobApplication
        {
            PostingId = postingId,
            UserId = userId,
            Name = name!,
            Email = email!,
            Phone = phone,
            CoverNote = coverNote,
            CvFileName = cv.FileName,
            CvKind = cv.Kind,
            CvSize = cv.Content.Length,
            Status = ApplicationStatus.New,
            SubmittedAt = now,
            StatusChangedAt = now,
        });
    }

    /// <summary>The recruiter moves it along; any state may follow any other (a rejection can be reconsidered).</summary>
    public Result ChangeStatus(ApplicationStatus status, DateTimeOffset now)
    {
        if (!Enum.IsDefined(status))
        {
            return Result.Failure(nameof(Status), "Choose a status from the list.");
        }

        if (status != Status)
        {
            Status = status;
            StatusChangedAt = now;
        }

        return Result.Success();
    }
}

/// <summary>The CV of an application, kept in the database (outside any web root) and served only to its company.</summary>
public sealed class ApplicationCv
{
    private ApplicationCv()
    {
    }

    public long ApplicationId { get; private set; }

    public byte[] Content { get; private set; } = [];

    public static ApplicationCv For(JobApplication application, CheckedCv cv)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(cv);
        return new ApplicationCv { ApplicationId = application.Id, Content = cv.Content };
    }
}
