using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;

namespace JobBoard.Domain.Postings;

/// <summary>
/// A job ad of one company and its lifecycle: Draft → PendingReview → Published → (Closed | Expired),
/// PendingReview → Rejected (with a reason) → Draft. Every transition is kept in <see cref="StatusHistory"/>.
/// </summary>
public sealed class JobPosting
{
    private readonly List<string> _responsibilities = [];
    private readonly List<Requirement> _requirements = [];
    private readonly List<PostingSection> _sections = [];
    private readonly List<PostingLocation> _locations = [];
    private readonly List<PostingCategory> _categories = [];
    private readonly List<PostingSkill> _skills = [];
    private readonly List<PostingStatusChange> _statusHistory = [];
    private List<string> _applicantCountries = [];

    /// <summary>
    /// How long a posting approved without a closing date stays open: it gets one, <see cref="DefaultOpenDays"/> after
    /// it goes live, so nothing stays listed for ever after its recruiter forgot it.
    /// </summary>
    public const int DefaultOpenDays = 60;

    /// <summary>How far ahead of today a renewal may set the closing date.</summary>
    public const int MaxRenewalDays = 180;

    /// <summary>Who <see cref="PublishImported"/> records as having created and published a posting.</summary>
    public const string ImportActor = "import";

    private JobPosting()
    {
        Title = string.Empty;
        Slug = string.Empty;
    }

    public int Id { get; private set; }

    public int CompanyId { get; private set; }

    public Company Company { get; private set; } = null!;

    public string Title { get; private set; }

    public string Slug { get; private set; }

    public string? Summary { get; private set; }

    public string? CoreResponsibilities { get; private set; }

    public string? RequisitionReference { get; private set; }

    public string? ApplyUrl { get; private set; }

    public string? ApplyEmail { get; private set; }

    /// <summary>Seekers apply on the board (<c>Applications.JobApplication</c>) rather than at <see cref="ApplyUrl"/> or <see cref="ApplyEmail"/>.</summary>
    public bool TakesApplicationsOnBoard { get; private set; }

    public IReadOnlyList<string> Responsibilities => _responsibilities;

    public IReadOnlyList<Requirement> Requirements => _requirements;

    public IReadOnlyList<PostingSection> Sections => _sections;

    public Compensation? Compensation { get; private set; }

    public IReadOnlyList<PostingLocation> Locations => _locations;

    public WorkMode WorkMode { get; private set; }

    public bool? RelocationSupport { get; private set; }

    public bool? VisaSponsorship { get; private set; }

    public EmploymentType? EmploymentType { get; private set; }

    public int? ExperienceYearsMin { get; private set; }

    public int? ExperienceYearsMax { get; private set; }

    public Seniority? Seniority { get; private set; }

    public decimal? HoursPerWeek { get; private set; }

    public string? WorkingLanguage { get; private set; }

    public IReadOnlyList<string> ApplicantCountries => _applicantCountries;

    public IReadOnlyList<PostingCategory> Categories => _categories;

    public IReadOnlyList<PostingSkill> Skills => _skills;

    public DateOnly? DatePosted { get; private set; }

    public DateOnly? ValidThrough { get; private set; }

    public PostingStatus Status { get; private set; }

    public IReadOnlyList<PostingStatusChange> StatusHistory => _statusHistory;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin): a second save of a stale copy is refused.</summary>
    public uint Version { get; private set; }

    /// <summary>Why the posting was last rejected, for the recruiter to read.</summary>
    public string? RejectionReason =>
        Status == PostingStatus.Rejected ? _statusHistory.LastOrDefault(h => h.To == PostingStatus.Rejected)?.Reason : null;

    /// <summary>What the reviewer asked to change when they last sent the posting back as a draft, for the recruiter.</summary>
    public string? ChangesRequested =>
        Status == PostingStatus.Draft && _statusHistory.LastOrDefault() is { From: PostingStatus.PendingReview, To: PostingStatus.Draft } last
            ? last.Reason
            : null;

    public static Result<JobPosting> CreateDraft(Company company, PostingContent content, string actor, DateTimeOffset now)
    {
        var errors = ValidateFor(company, content);
        if (errors.Count > 0)
        {
            return Result<JobPosting>.Failure(errors);
        }

        var posting = new JobPosting { Company = company, CompanyId = company.Id, Status = PostingStatus.Draft, CreatedAt = now };
        posting.Apply(content, now);
        posting._statusHistory.Add(PostingStatusChange.Record(now, null, PostingStatus.Draft, actor, null));
        return Result<JobPosting>.Success(posting);
    }

    /// <summary>
    /// A posting taken from a feed (<c>./jobboard.sh import</c>) goes live at once: its publisher has already put it in
    /// front of the public, so there is no review step here, and an ad without an apply link of its own is still
    /// carried (the details page then shows no apply button). Both steps are recorded as made by <see cref="ImportActor"/>,
    /// the publication with the feed it came from. Dated <paramref name="now"/> unless the ad carries its own date; one
    /// whose closing date has already passed is published all the same, for the caller to <see cref="Expire"/>.
    /// </summary>
    /// <param name="now">When the ad says it was published: its history reads as the ad's.</param>
    /// <param name="writtenAt">
    /// When the board wrote it, which <see cref="UpdatedAt"/> records (job alerts look for postings written since their
    /// last look, so an ad replayed from last week still reaches them); <paramref name="now"/> when not given.
    /// </param>
    public static Result<JobPosting> PublishImported(
        Company company, PostingContent content, string source, DateTimeOffset now, DateTimeOffset? writtenAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var errors = ValidateFor(company, content);
        if (errors.Count > 0)
        {
            return Result<JobPosting>.Failure(errors);
        }

        var posting = new JobPosting { Company = company, CompanyId = company.Id, Status = PostingStatus.Draft, CreatedAt = now };
        posting.Apply(content, now);
        posting._statusHistory.Add(PostingStatusChange.Record(now, null, PostingStatus.Draft, ImportActor, null));
        posting.DatePosted ??= DateOnly.FromDateTime(now.UtcDateTime);
        posting.MoveTo(PostingStatus.Published, ImportActor, $"Imported from {source.Trim()}", now);
        posting.UpdatedAt = writtenAt ?? now;
        return Result<JobPosting>.Success(posting);
    }

    /// <summary>
    /// Replaces the content whatever the status allows, with no review: the feed import's edit, where the feed is the
    /// publisher. A recruiter's edit goes through <see cref="Revise"/>, which applies the review rule.
    /// </summary>
    public Result Edit(PostingContent content, DateTimeOffset now)
    {
        if (Status is PostingStatus.Closed or PostingStatus.Expired)
        {
            return Result.Failure(nameof(Status), $"A {Status.ToString().ToLowerInvariant()} posting can no longer be edited.");
        }

        var errors = ValidateFor(Company, content);
        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        Apply(content, now);
        return Result.Success();
    }

    /// <summary>
    /// A recruiter's edit, with the review rule of DESIGN.md §1 (docs/posting-editor.md): a published posting whose
    /// content changes goes back to review, except a typo fix — at most <see cref="TypoFixMaxEdits"/> characters changed
    /// across its texts and nothing else — within <see cref="TypoFixMinutes"/> minutes of going live. A rejected posting
    /// that is edited is a draft again, for its recruiter to submit once more.
    /// </summary>
    public Result Revise(PostingContent content, string actor, DateTimeOffset now)
    {
        var before = Status == PostingStatus.Published ? ToContent() : null;
        var edited = Edit(content, now);
        if (!edited.Succeeded || before is null)
        {
            return edited.Succeeded && Status == PostingStatus.Rejected ? MoveTo(PostingStatus.Draft, actor, "Edited after rejection", now) : edited;
        }

        var change = PostingChanges.Between(before, ToContent());
        if (change == PostingChange.None)
        {
            return edited;
        }

        if (change == PostingChange.TypoFix && PublishedAt is { } live && now - live <= TimeSpan.FromMinutes(TypoFixMinutes))
        {
            _statusHistory.Add(PostingStatusChange.Record(now, Status, Status, actor, "Typo fixed without review"));
            return edited;
        }

        return MoveTo(PostingStatus.PendingReview, actor, "Edited after publication", now);
    }

    /// <summary>How long after going live a typo may be fixed without a new review.</summary>
    public const int TypoFixMinutes = 30;

    /// <summary>How many characters (insertions, deletions, substitutions) a typo fix may change, over all texts.</summary>
    public const int TypoFixMaxEdits = 10;

    /// <summary>When the posting last went live, from its history.</summary>
    public DateTimeOffset? PublishedAt => _statusHistory.LastOrDefault(h => h.To == PostingStatus.Published && h.From != PostingStatus.Published)?.At;

    /// <summary>
    /// What the posting says, as content a form or a duplicate starts from. Requirements, sections and pay are copied:
    /// each posting owns its own.
    /// </summary>
    public PostingContent ToContent() => new()
    {
        Title = Title,
        Summary = Summary,
        CoreResponsibilities = CoreResponsibilities,
        RequisitionReference = RequisitionReference,
        ApplyUrl = ApplyUrl,
        ApplyEmail = ApplyEmail,
        TakesApplicationsOnBoard = TakesApplicationsOnBoard,
        Responsibilities = [.. _responsibilities],
        Requirements = [.. _requirements.Select(r => Requirement.Create(r.Importance, r.Text, r.Facts))],
        Sections = [.. _sections.Select(PostingSection.Copy)],
        Compensation = Compensation is { } pay
            ? Postings.Compensation.Create(pay.Currency, pay.Minimum, pay.Maximum, pay.Period, pay.CashIncentive, pay.EquityEligible, pay.Benefits).Value
            : null,
        Locations = [.. _locations.OrderBy(l => l.Position).Select(l => new PlaceInput(l.City, l.Region, l.RegionCode, l.CountryCode, l.CountryName, l.Latitude, l.Longitude))],
        WorkMode = WorkMode,
        RelocationSupport = RelocationSupport,
        VisaSponsorship = VisaSponsorship,
        EmploymentType = EmploymentType,
        ExperienceYearsMin = ExperienceYearsMin,
        ExperienceYearsMax = ExperienceYearsMax,
        Seniority = Seniority,
        HoursPerWeek = HoursPerWeek,
        WorkingLanguage = WorkingLanguage,
        ApplicantCountries = [.. _applicantCountries],
        Categories = [.. _categories.OrderBy(c => c.Position).Select(c => c.Category)],
        Skills = [.. _skills.OrderBy(s => s.Position).Select(s => s.Skill)],
        DatePosted = DatePosted,
        ValidThrough = ValidThrough,
    };

    /// <summary>A new draft of the same company with this posting's content, undated: it gets its own dates when it goes live.</summary>
    public Result<JobPosting> Duplicate(string actor, DateTimeOffset now) =>
        CreateDraft(Company, ToContent() with { DatePosted = null, ValidThrough = null }, actor, now);

    public Result Submit(string actor, DateTimeOffset now)
    {
        if (Status != PostingStatus.Draft)
        {
            return NotAllowed("submitted for review");
        }

        if (!TakesApplicationsOnBoard && string.IsNullOrWhiteSpace(ApplyUrl) && string.IsNullOrWhiteSpace(ApplyEmail))
        {
            return Result.Failure(nameof(ApplyUrl), "Give an apply link or an apply e-mail, or take applications on the board, before submitting.");
        }

        return MoveTo(PostingStatus.PendingReview, actor, null, now);
    }

    /// <summary>
    /// Approves a posting under review; it goes live dated today unless the ad carries its own date, and closes
    /// <paramref name="openDaysWithoutClosingDate"/> (<see cref="DefaultOpenDays"/>) later unless it has its own closing
    /// date. The loader, replaying ads as they were published elsewhere, passes null and keeps an ad's open end. A company
    /// not yet verified by an admin cannot publish.
    /// </summary>
    public Result Publish(string actor, DateTimeOffset now, int? openDaysWithoutClosingDate = DefaultOpenDays)
    {
        if (Status != PostingStatus.PendingReview)
        {
            return NotAllowed("published");
        }

        if (Company.Verification != CompanyVerification.Verified)
        {
            return Result.Failure(nameof(Company), $"{Company.Name} is not verified yet; verify the company before publishing its postings.");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (ValidThrough is { } through && through < today)
        {
            return Result.Failure(nameof(ValidThrough), "The closing date has passed; set a later one before publishing.");
        }

        DatePosted ??= today;
        if (openDaysWithoutClosingDate is { } days)
        {
            ValidThrough ??= today.AddDays(days);
        }

        return MoveTo(PostingStatus.Published, actor, null, now);
    }

    /// <summary>
    /// Sends a posting under review back to its recruiter as a draft, with what to change: unlike a rejection, the
    /// reviewer expects it back.
    /// </summary>
    public Result RequestChanges(string actor, string changes, DateTimeOffset now)
    {
        if (Status != PostingStatus.PendingReview)
        {
            return NotAllowed("sent back for changes");
        }

        if (string.IsNullOrWhiteSpace(changes))
        {
            return Result.Failure("Reason", "Say what should change; the recruiter will read it.");
        }

        return MoveTo(PostingStatus.Draft, actor, changes.Trim(), now);
    }

    /// <summary>
    /// Extends the closing date of a published posting, or reopens an expired one until <paramref name="until"/>: its
    /// text has not changed, so it needs no new review. A closed posting was ended on purpose and stays closed.
    /// </summary>
    public Result Renew(DateOnly until, string actor, DateTimeOffset now)
    {
        if (Status is not (PostingStatus.Published or PostingStatus.Expired))
        {
            return NotAllowed("renewed");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (until <= today || (ValidThrough is { } through && until <= through))
        {
            return Result.Failure(nameof(ValidThrough), "Choose a closing date later than today and than the current one.");
        }

        if (until > today.AddDays(MaxRenewalDays))
        {
            return Result.Failure(nameof(ValidThrough), $"A posting can be renewed for at most {MaxRenewalDays} days from today.");
        }

        ValidThrough = until;
        UpdatedAt = now;
        if (Status == PostingStatus.Expired)
        {
            return MoveTo(PostingStatus.Published, actor, $"Renewed until {until:yyyy-MM-dd}", now);
        }

        _statusHistory.Add(PostingStatusChange.Record(now, Status, Status, actor, $"Renewed until {until:yyyy-MM-dd}"));
        return Result.Success();
    }

    public Result Reject(string actor, string reason, DateTimeOffset now)
    {
        if (Status != PostingStatus.PendingReview)
        {
            return NotAllowed("rejected");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Failure("Reason", "Say why the posting is rejected; the recruiter will read it.");
        }

        return MoveTo(PostingStatus.Rejected, actor, reason.Trim(), now);
    }

    public Result ReturnToDraft(string actor, DateTimeOffset now) =>
        Status == PostingStatus.Rejected ? MoveTo(PostingStatus.Draft, actor, null, now) : NotAllowed("returned to draft");

    public Result Close(string actor, DateTimeOffset now) =>
        Status == PostingStatus.Published ? MoveTo(PostingStatus.Closed, actor, null, now) : NotAllowed("closed");

    /// <summary>Marks a published posting whose closing date has passed as expired.</summary>
    public Result Expire(DateTimeOffset now)
    {
        if (Status != PostingStatus.Published)
        {
            return NotAllowed("expired");
        }

        return ValidThrough is { } through && through < DateOnly.FromDateTime(now.UtcDateTime)
            ? MoveTo(PostingStatus.Expired, "system", "Closing date passed", now)
            : Result.Failure(nameof(ValidThrough), "The closing date has not passed yet.");
    }

    /// <summary>
    /// Published, closed or expired: the posting has a public address (a closed or expired one says it takes no more
    /// applications). Drafts, postings under review and rejected ones do not exist for the public.
    /// </summary>
    public bool HasPublicPage => IsPublic(Status);

    /// <summary>Whether a posting in <paramref name="status"/> has a page the public can read (for projections).</summary>
    public static bool IsPublic(PostingStatus status) => status is PostingStatus.Published or PostingStatus.Closed or PostingStatus.Expired;

    /// <summary>Published and not past its closing date: the only postings the public sees in lists.</summary>
    public bool IsOpen(DateOnly today) => IsOpen(Status, ValidThrough, today);

    /// <summary><see cref="IsOpen(DateOnly)"/> of a posting read as its status and closing date (a query's projection).</summary>
    public static bool IsOpen(PostingStatus status, DateOnly? validThrough, DateOnly today) =>
        status == PostingStatus.Published && (validThrough is null || validThrough >= today);

    private Result MoveTo(PostingStatus to, string actor, string? reason, DateTimeOffset now)
    {
        _statusHistory.Add(PostingStatusChange.Record(now, Status, to, actor, reason));
        Status = to;
        UpdatedAt = now;
        return Result.Success();
    }

    private Result NotAllowed(string what) =>
        Result.Failure(nameof(Status), $"A posting that is {Describe(Status)} cannot be {what}.");

    private static string Describe(PostingStatus status) => status switch
    {
        PostingStatus.PendingReview => "pending review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static List<DomainError> ValidateFor(Company company, PostingContent content)
    {
        var errors = content.Validate().ToList();
        foreach (var key in content.Sections.Where(s => s.Kind == SectionKind.CompanyBoilerplate).Select(s => s.CompanySectionKey))
        {
            if (key is null || company.FindSection(key) is null)
            {
                errors.Add(new DomainError(nameof(PostingContent.Sections), $"{company.Name} has no shared section \"{key}\"."));
            }
        }

        return errors;
    }

    private void Apply(PostingContent content, DateTimeOffset now)
    {
        Title = content.Title.Trim();
        Slug = Common.Slug.From(Title);
        Summary = Clean(content.Summary);
        CoreResponsibilities = Clean(content.CoreResponsibilities);
        RequisitionReference = Clean(content.RequisitionReference);
        ApplyUrl = Clean(content.ApplyUrl);
        ApplyEmail = Clean(content.ApplyEmail);
        TakesApplicationsOnBoard = content.TakesApplicationsOnBoard;
        Replace(_responsibilities, content.Responsibilities.Select(r => r.Trim()));
        Replace(_requirements, content.Requirements);
        Replace(_sections, content.Sections);
        Compensation = content.Compensation;
        SetLocations(content.Locations);
        WorkMode = content.WorkMode;
        RelocationSupport = content.RelocationSupport;
        VisaSponsorship = content.VisaSponsorship;
        EmploymentType = content.EmploymentType;
        ExperienceYearsMin = content.ExperienceYearsMin;
        ExperienceYearsMax = content.ExperienceYearsMax;
        Seniority = content.Seniority;
        HoursPerWeek = content.HoursPerWeek;
        WorkingLanguage = Clean(content.WorkingLanguage);
        _applicantCountries = content.ApplicantCountries.Select(c => c.ToUpperInvariant()).Distinct().ToList();
        SetCategories(content);
        SetSkills(content);
        DatePosted = content.DatePosted ?? DatePosted;
        ValidThrough = content.ValidThrough;
        UpdatedAt = now;
    }

    private void SetLocations(IReadOnlyList<PlaceInput> places)
    {
        _locations.Clear();
        for (var i = 0; i < places.Count; i++)
        {
            var location = PostingLocation.Create(places[i]);
            location.Position = i;
            _locations.Add(location);
        }
    }

    // Join rows are reused when a category stays, so an edit never deletes and re-inserts the same key.
    private void SetCategories(PostingContent content)
    {
        var wanted = content.Categories.DistinctBy(c => c.Slug).ToList();
        _categories.RemoveAll(pc => !wanted.Any(c => c.Slug == pc.Category.Slug));
        for (var i = 0; i < wanted.Count; i++)
        {
            var existing = _categories.FirstOrDefault(pc => pc.Category.Slug == wanted[i].Slug);
            if (existing is null)
            {
                _categories.Add(PostingCategory.For(wanted[i], i));
            }
            else
            {
                existing.Position = i;
            }
        }

        _categories.Sort((a, b) => a.Position.CompareTo(b.Position));
    }

    private void SetSkills(PostingContent content)
    {
        var wanted = content.Skills.DistinctBy(s => s.Slug).ToList();
        _skills.RemoveAll(ps => !wanted.Any(s => s.Slug == ps.Skill.Slug));
        for (var i = 0; i < wanted.Count; i++)
        {
            var existing = _skills.FirstOrDefault(ps => ps.Skill.Slug == wanted[i].Slug);
            if (existing is null)
            {
                _skills.Add(PostingSkill.For(wanted[i], i));
            }
            else
            {
                existing.Position = i;
            }
        }

        _skills.Sort((a, b) => a.Position.CompareTo(b.Position));
    }

    private static void Replace<T>(List<T> list, IEnumerable<T> items)
    {
        list.Clear();
        list.AddRange(items);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
