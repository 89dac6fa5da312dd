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

    /// <summary>A new entry for the taxonomy, or what is wrong with its name.</summary>
    public static Result<Category> Define(string? name)
    {
        var errors = ValidateName(name);
        return errors.Length > 0 ? Result<Category>.Failure(errors) : Result<Category>.Success(Create(name!));
    }

    /// <summary>
    /// Gives the category a new name; the slug stays, so search addresses and saved searches that name it keep working.
    /// The database brings the search documents of its postings up to date in the same transaction.
    /// </summary>
    public Result Rename(string? name)
    {
        var errors = ValidateName(name);
        if (errors.Length > 0)
        {
            return Result.Failure(errors);
        }

        Name = name!.Trim();
        return Result.Success();
    }

    public static Category Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        return new Category(trimmed, Common.Slug.From(trimmed));
    }

    private static DomainError[] ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [new DomainError(nameof(Name), "A category needs a name.")];
        }

        if (name.Trim().Length > MaxNameLength)
        {
            return [new DomainError(nameof(Name), $"A category name has at most {MaxNameLength} characters.")];
        }

        if (PlainText.HasControlCharacters(name, multiline: false))
        {
            return [new DomainError(nameof(Name), "A category name is one line of text, without control characters.")];
        }

        return Common.Slug.From(name).Length == 0
            ? [new DomainError(nameof(Name), "A category name needs at least one letter or digit.")]
            : [];
    }
}
