using JobBoard.Domain.Postings;

namespace JobBoard.Web.Search;

public sealed record FacetCount<T>(T Value, int Count);

public sealed record CategoryFacet(string Slug, string Name, int Count);

/// <summary>How many of the counted matches share a work mode, type, level and list of categories, as the search's SQL tallies them.</summary>
public sealed record FacetTally(int Count, string Mode, string? Type, string? Level, int[] Categories);

public sealed record SearchFacets(
    IReadOnlyList<CategoryFacet> Categories,
    IReadOnlyList<FacetCount<WorkMode>> WorkModes,
    IReadOnlyList<FacetCount<EmploymentType>> EmploymentTypes,
    IReadOnlyList<FacetCount<Seniority>> Levels)
{
    public static SearchFacets None { get; } = new([], [], [], []);

    /// <summary>
    /// The facets of the counted matches, summed from their tallies: categories most matched first (then by name),
    /// the rest in their enums' order. A category the directory does not know is left out.
    /// </summary>
    public static SearchFacets From(IEnumerable<FacetTally> tallies, CategoryDirectory categories)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(categories);
        var modes = new Dictionary<WorkMode, int>();
        var types = new Dictionary<EmploymentType, int>();
        var levels = new Dictionary<Seniority, int>();
        var categoryCounts = new Dictionary<int, int>();
        foreach (var tally in tallies)
        {
            if (Enum.TryParse<WorkMode>(tally.Mode, out var mode))
            {
                modes[mode] = modes.GetValueOrDefault(mode) + tally.Count;
            }

            if (Enum.TryParse<EmploymentType>(tally.Type, out var type))
            {
                types[type] = types.GetValueOrDefault(type) + tally.Count;
            }

            if (Enum.TryParse<Seniority>(tally.Level, out var level))
            {
                levels[level] = levels.GetValueOrDefault(level) + tally.Count;
            }

            foreach (var category in tally.Categories)
            {
                categoryCounts[category] = categoryCounts.GetValueOrDefault(category) + tally.Count;
            }
        }

        return new SearchFacets(
            [.. categoryCounts
                .Select(c => categories.ById(c.Key) is { } category ? new CategoryFacet(category.Slug, category.Name, c.Value) : null)
                .OfType<CategoryFacet>()
                .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)],
            [.. modes.OrderBy(m => m.Key).Select(m => new FacetCount<WorkMode>(m.Key, m.Value))],
            [.. types.OrderBy(t => t.Key).Select(t => new FacetCount<EmploymentType>(t.Key, t.Value))],
            [.. levels.OrderBy(l => l.Key).Select(l => new FacetCount<Seniority>(l.Key, l.Value))]);
    }
}
