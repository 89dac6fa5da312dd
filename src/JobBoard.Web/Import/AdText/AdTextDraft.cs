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

    /// <summary>The content with the categories and skills the taxonomy knows (null for a name it does not).</summary>
    public PostingContent ToContent(Func<string, Category?> categoryNamed, Func<string, Skill?> skillNamed) => Content with
    {
        Categories = [.. CategoryNames.Select(categoryNamed).OfType<Category>()],
        Skills = [.. SkillNames.Select(skillNamed).OfType<Skill>()],
    };
}
