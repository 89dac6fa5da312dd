using JobBoard.Domain.Taxonomy;

namespace JobBoard.Domain.Postings;

/// <summary>A category of a posting, in the ad's order.</summary>
public sealed class PostingCategory
{
    private PostingCategory()
    {
    }

    public int PostingId { get; private set; }

    public int CategoryId { get; private set; }

    public Category Category { get; private set; } = null!;

    public int Position { get; internal set; }

    internal static PostingCategory For(Category category, int position) =>
        new() { Category = category, CategoryId = category.Id, Position = position };
}

/// <summary>A skill of a posting, in the ad's order.</summary>
public sealed class PostingSkill
{
    private PostingSkill()
    {
    }

    public int PostingId { get; private set; }

    public int SkillId { get; private set; }

    public Skill Skill { get; private set; } = null!;

    public int Position { get; internal set; }

    internal static PostingSkill For(Skill skill, int position) =>
        new() { Skill = skill, SkillId = skill.Id, Position = position };
}
