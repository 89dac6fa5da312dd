using JobBoard.Domain.Common;
using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;

namespace JobBoard.Web.Import.AdText;

public enum AdTextNoteKind
{
    /// <summary>Text of the ad the parser could not place in any field or section: the recruiter decides.</summary>
    Leftover,

    /// <summary>Scraping debris in the ad's text (a hidden e-mail address, broken characters): the recruiter fixes it.</summary>
    Debris,

    /// <summary>Something the parser read but is not sure of (a place it could not find, a guessed pay period).</summary>
    Check,

    /// <summary>The job site's own text around the ad (buttons, labels, other postings), left out of the draft.</summary>
    SiteText,
}

/// <summary>What the recruiter is told about one part of the pasted text, with the line it starts on (counted from 1).</summary>
public sealed record AdTextNote(AdTextNoteKind Kind, int Line, string Text, string Message);

/// <summary>A place the ad names, as written, and where the gazetteer put it (null when it knows no such place).</summary>
public sealed record AdPlace(string Text, int Line, PlaceInput? Place);

/// <summary>
/// A job ad's pasted text read into a posting's fields, for a recruiter to review as a draft. Categories and skills
/// are names: the page matches them against the taxonomy (<see cref="ToContent"/>), and names it does not know stay
/// visible as suggestions. Nothing of the ad is lost: what has no field is in <see cref="PostingContent.Sections"/> or
/// a <see cref="AdTextNoteKind.Leftover"/> note.
/// </summary>
public sealed record AdTextDraft
{
    /// <summary>The posting without categories and skills; the title is empty when the text has none.</summary>
    public required PostingContent Content { get; init; }

    public string? CompanyName { get; init; }

    /// <summary>The company's self-description when the ad carries it (a job site's "About The Company").</summary>
    public string? CompanyAbout { get; init; }

    /// <summary>The heading the company's self-description came under.</summary>
    public string? CompanyAboutHeading { get; init; }

    public int? CompanyEmployees { get; init; }

    /// <summary>Every place the ad names, found or not, in the ad's order; the found ones are the content's locations.</summary>
    public IReadOnlyList<AdPlace> Places { get; init; } = [];

    public IReadOnlyList<string> CategoryNames { get; init; } = [];

    public IReadOnlyList<string> SkillNames { get; init; } = [];

    public IReadOnlyList<AdTextNote> Notes { get; init; } = [];

    public IEnumerable<AdTextNote> Leftovers => Notes.Where(n => n.Kind == AdTextNoteKind.Leftover);

    /// <summary>A schema.org JobPosting read by <see cref="JobPostingJsonLdReader"/>, as a draft like a pasted ad's.</summary>
    public static AdTextDraft From(FeedPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return new AdTextDraft
        {
            Content = posting.Content,
            CompanyName = posting.Company.Name,
            CompanyEmployees = posting.Company.Profile.EmployeeCount,
            CategoryNames = posting.CategoryNames,
            SkillNames = posting.SkillNames,
        };
    }

    /// <summary>
    /// The draft as <paramref name="company"/>'s posting: categories and skills the taxonomy has (by slug); sections
    /// that repeat one of the company's shared sections word for word refer to it; the company's site as the apply link
    /// when the ad gives none; its headquarters as the place when the ad names none. What the recruiter must look at
    /// (leftovers, debris, guesses, names the taxonomy lacks, text left out) is listed in <see cref="CompanyDraft.ToReview"/>
    /// and carried into the draft as a last section headed <see cref="ReviewHeading"/>, so it outlives the request.
    /// </summary>
    public CompanyDraft ForCompany(Company company, IReadOnlyCollection<Category> categories, IReadOnlyCollection<Skill> skills, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(company);
        var review = new List<string>();
        var sections = Content.Sections.Select(section => SharedSectionFor(company, section) ?? section).ToList();
        if (CompanyAbout is not null && Normalized(CompanyAbout) != Normalized(company.About))
        {
            sections.Insert(0, PostingSection.Text(CompanyAboutHeading ?? "About the company", CompanyAbout));
        }

        if (CompanyName is not null && Slug.From(CompanyName) != company.Slug)
        {
            review.Add($"The ad is {CompanyName}'s; this draft is {company.Name}'s.");
        }

        var locations = Content.Locations;
        if (locations.Count == 0 && Content is not { WorkMode: WorkMode.Remote, ApplicantCountries.Count: > 0 }
            && company.Headquarters is { } headquarters
            && AdPlaces.Read(headquarters).Places.Select(p => p.Place).OfType<PlaceInput>().FirstOrDefault() is { } home)
        {
            locations = [home];
            review.Add($"The ad names no place the board knows; the draft is placed at {company.Name}'s headquarters, {headquarters}.");
        }

        review.AddRange(Notes.Where(n => n.Kind != AdTextNoteKind.SiteText).Select(Describe));
        var unknownCategories = CategoryNames.Where(name => !categories.Any(c => c.Slug == Slug.From(name))).ToList();
        if (unknownCategories.Count > 0)
        {
            review.Add($"Categories the board does not have (choose the nearest in the editor): {string.Join(", ", unknownCategories)}.");
        }

        var unknownSkills = SkillNames.Where(name => !skills.Any(s => s.Slug == Slug.From(name))).ToList();
        if (unknownSkills.Count > 0)
        {
            review.Add($"Skills the board does not have yet (add them in the editor if they fit): {string.Join(", ", unknownSkills)}.");
        }

        if (Content.DatePosted is { } posted)
        {
            review.Add($"The ad says it was posted on {posted:yyyy-MM-dd}; the posting will show that date unless you clear it.");
        }

        if (Content.ValidThrough is { } closing && closing < today)
        {
            review.Add($"The ad's closing date, {closing:yyyy-MM-dd}, has passed: set a new one before submitting.");
        }

        var siteText = Notes.Where(n => n.Kind == AdTextNoteKind.SiteText).ToList();
        if (siteText.Count > 0)
        {
            review.Add($"Left out as the job site's own text: {string.Join("; ", siteText.Select(n => $"line {n.Line} \"{Shortened(n.Text)}\""))}.");
        }

        if (review.Count > 0)
        {
            sections.Add(PostingSection.Text(ReviewHeading, Shortened(string.Join("\n\n", review), PostingContent.MaxTextLength)));
        }

        var content = Content with
        {
            Sections = sections,
            Locations = locations,
            ApplyUrl = Content.ApplyUrl ?? (Content.ApplyEmail is null ? company.Website : null),
            Categories = [.. CategoryNames.Select(name => categories.FirstOrDefault(c => c.Slug == Slug.From(name))).OfType<Category>().DistinctBy(c => c.Slug)],
            Skills = [.. SkillNames.Select(name => skills.FirstOrDefault(s => s.Slug == Slug.From(name))).OfType<Skill>().DistinctBy(s => s.Slug)],
        };
        return new CompanyDraft(content, review);
    }

    /// <summary>The heading of the section that lists what to review; the recruiter deletes it once done.</summary>
    public const string ReviewHeading = "To review after the import (delete this section before submitting)";

    private static PostingSection? SharedSectionFor(Company company, PostingSection section) =>
        section.Kind == SectionKind.Text
        && company.Sections.FirstOrDefault(shared => Normalized(shared.Heading) == Normalized(section.Heading) && Normalized(shared.Body) == Normalized(section.Body)) is { } match
            ? PostingSection.Boilerplate(match.Key)
            : null;

    private static string Describe(AdTextNote note) => note.Kind switch
    {
        AdTextNoteKind.Leftover => $"Not placed (line {note.Line}): {note.Text} — {note.Message}",
        _ when note.Line <= 0 || note.Text.Length == 0 => note.Message,
        _ => $"Line {note.Line}: \"{note.Text}\" — {note.Message}",
    };

    private static string Normalized(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('’', '\'').Trim().ToUpperInvariant();

    private static string Shortened(string text, int length = 60) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>A draft's content for one company, and what the recruiter must review in it.</summary>
public sealed record CompanyDraft(PostingContent Content, IReadOnlyList<string> ToReview);
