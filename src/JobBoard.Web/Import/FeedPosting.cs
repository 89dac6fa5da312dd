using JobBoard.Domain.Companies;
using JobBoard.Domain.Postings;
using JobBoard.Domain.Taxonomy;

namespace JobBoard.Web.Import;

/// <summary>The hiring organization of a feed's posting: matched to a company by slug, or created with this profile.</summary>
public sealed record FeedCompany(string Name, CompanyProfile Profile);

/// <summary>
/// One JobPosting of a feed, read and checked: its content, and the categories and skills it names, which are shared
/// rows the importer finds or creates (see <see cref="ToContent"/>).
/// </summary>
public sealed record FeedPosting(FeedCompany Company, PostingContent Content, IReadOnlyList<string> CategoryNames, IReadOnlyList<string> SkillNames)
{
    /// <summary>The requisition reference that a re-import of the same posting carries again.</summary>
    public string? Reference => Content.RequisitionReference;

    public PostingContent ToContent(Func<string, Category> categoryNamed, Func<string, Skill> skillNamed) => Content with
    {
        Categories = CategoryNames.Select(categoryNamed).ToList(),
        Skills = SkillNames.Select(skillNamed).ToList(),
    };
}
