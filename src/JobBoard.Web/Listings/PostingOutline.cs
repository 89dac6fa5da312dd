using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;

namespace JobBoard.Web.Listings;

public enum OutlineStyle
{
    Prose,
    List,
    InlineList,
}

public sealed record OutlineItem(string Text, IReadOnlyList<string> Tags);

/// <summary>One block of the ad as a reader sees it: an optional heading, a highlighted line, paragraphs, items.</summary>
public sealed record OutlineBlock(
    string? Heading,
    bool HeadingRunsIn,
    string? Highlight,
    IReadOnlyList<IReadOnlyList<string>> Paragraphs,
    OutlineStyle Style,
    IReadOnlyList<OutlineItem> Items,
    IReadOnlyList<IReadOnlyList<string>> ClosingParagraphs);

/// <summary>
/// The posting's sections in the ad's order, with structured content filled in. The details page renders it and the
/// JSON-LD description is built from it, so both always say the same thing.
/// </summary>
public static class PostingOutline
{
    // Structured content always shows, even when the posting's outline has no place for it (e.g. a posting made
    // in the editor with no sections at all): it goes after the outline under these headings. Skills need no
    // fallback: the job information beside the ad lists them.
    private static readonly PostingSection[] DefaultSections =
    [
        PostingSection.Structured(SectionKind.Summary, "Summary"),
        PostingSection.Structured(SectionKind.Responsibilities, "Responsibilities"),
        PostingSection.Structured(SectionKind.EssentialRequirements, "Requirements"),
        PostingSection.Structured(SectionKind.DesirableRequirements, "Nice to have"),
        PostingSection.Structured(SectionKind.Compensation, "Compensation"),
    ];

    public static IReadOnlyList<OutlineBlock> Build(JobPosting posting)
    {
        var blocks = new List<OutlineBlock>();
        var placed = posting.Sections.Select(s => s.Kind).ToHashSet();
        var missing = DefaultSections.Where(s => !placed.Contains(s.Kind) && HasContent(posting, s.Kind));
        foreach (var section in posting.Sections.Concat(missing))
        {
            var block = section.Kind switch
            {
                SectionKind.Text => Text(section.Heading, section.Body),
                SectionKind.CompanyBoilerplate => Boilerplate(posting.Company, section.CompanySectionKey),
                SectionKind.Summary => Prose(section, posting.Summary),
                SectionKind.Responsibilities => Listing(section, posting.Responsibilities.Select(r => new OutlineItem(r, []))),
                SectionKind.EssentialRequirements => Listing(section, Requirements(posting, RequirementImportance.Essential)),
                SectionKind.DesirableRequirements => Listing(section, Requirements(posting, RequirementImportance.Desirable)),
                SectionKind.Compensation => Compensation(section, posting.Compensation),
                SectionKind.Skills => Skills(section, posting),
                _ => null,
            };
            if (block is not null)
            {
                blocks.Add(block);
            }
        }

        return blocks;
    }

    private static bool HasContent(JobPosting posting, SectionKind kind) => kind switch
    {
        SectionKind.Summary => posting.Summary is not null,
        SectionKind.Responsibilities => posting.Responsibilities.Count > 0,
        SectionKind.EssentialRequirements => posting.Requirements.Any(r => r.Importance == RequirementImportance.Essential),
        SectionKind.DesirableRequirements => posting.Requirements.Any(r => r.Importance == RequirementImportance.Desirable),
        SectionKind.Compensation => posting.Compensation is not null,
        _ => false,
    };

    private static OutlineBlock Text(string? heading, string? body) => new(
        heading, HeadingRunsIn(heading, body), null, Display.Paragraphs(body), OutlineStyle.Prose, [], []);

    private static bool HeadingRunsIn(string? heading, string? body) =>
        heading is not null && body is not null && heading.TrimEnd().EndsWith(':');

    private static OutlineBlock? Boilerplate(Company company, string? key) =>
        key is not null && company.FindSection(key) is { } shared ? Text(shared.Heading, shared.Body) : null;

    private static OutlineBlock Prose(PostingSection section, string? text) => new(
        section.Heading, false, null, [.. Display.Paragraphs(section.Body), .. Display.Paragraphs(text)], OutlineStyle.Prose, [], []);

    private static OutlineBlock Listing(PostingSection section, IEnumerable<OutlineItem> items) => new(
        section.Heading, false, null, Display.Paragraphs(section.Body), OutlineStyle.List, items.ToList(), []);

    private static IEnumerable<OutlineItem> Requirements(JobPosting posting, RequirementImportance importance) =>
        posting.Requirements.Where(r => r.Importance == importance).Select(r => new OutlineItem(r.Text, r.Facts.Labels().ToList()));

    private static OutlineBlock Compensation(PostingSection section, Compensation? compensation) => new(
        section.Heading,
        false,
        compensation is null ? null : Display.Salary(compensation),
        Display.Paragraphs(section.Body),
        OutlineStyle.Prose,
        [],
        Display.Paragraphs(compensation?.Benefits));

    private static OutlineBlock Skills(PostingSection section, JobPosting posting) => new(
        section.Heading,
        false,
        null,
        Display.Paragraphs(section.Body),
        OutlineStyle.InlineList,
        posting.Skills.Select(s => new OutlineItem(s.Skill.Name, [])).ToList(),
        []);
}
