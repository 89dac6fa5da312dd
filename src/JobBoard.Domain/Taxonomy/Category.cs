using JobBoard.Domain.Common;

namespace JobBoard.Domain.Taxonomy;

/// <summary>An entry of the managed category taxonomy (Healthcare, Sales, Management &amp; Leadership, ...).</summary>
public sealed class Category
{
    /// <summary>As long as a name may be in the database.</summary>
    public const int MaxNameLength = 100;

    private Category(string name, string slug)
    {
        Name = name;
        Slug = slug;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public static Category Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        return new Category(trimmed, Common.Slug.From(trimmed));
    }
}
