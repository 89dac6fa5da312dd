namespace JobBoard.Domain.Taxonomy;

/// <summary>A skill tag (Account Management, CRM, Compliance, ...); free-form, shared between postings.</summary>
public sealed class Skill
{
    /// <summary>As long as a name may be in the database.</summary>
    public const int MaxNameLength = 100;

    private Skill(string name, string slug)
    {
        Name = name;
        Slug = slug;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public static Skill Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        return new Skill(trimmed, Common.Slug.From(trimmed));
    }
}
