using System.Globalization;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Web.Listings;

namespace JobBoard.Web.Search;

/// <summary>One filter in effect, as a removable chip: what it says and the search without it.</summary>
public sealed record ActiveFilter(string Label, JobSearchRequest Without);

/// <summary>The filters a search applies, one chip each, in the order the filter panel lists them.</summary>
public static class ActiveFilters
{
    /// <summary>
    /// Each filter of <paramref name="result"/>'s request: the place (with its radius), each category, work mode, type
    /// and level, the salary, the posting date and visa sponsorship. The words searched are not a filter, and removing
    /// a filter keeps them, the other filters and the sort, and goes back to the first page.
    /// </summary>
    public static IReadOnlyList<ActiveFilter> Of(JobSearchResult result, CategoryDirectory categories)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(categories);
        var request = result.Request with { Page = 1, Problems = [] };
        var filters = new List<ActiveFilter>();
        if (!string.IsNullOrWhiteSpace(request.Location))
        {
            filters.Add(new(PlaceLabel(request, result.Location), request with { Location = null, Radius = null, Unit = DistanceUnit.Km }));
        }

        foreach (var slug in request.Categories)
        {
            filters.Add(new(categories.BySlug(slug)?.Name ?? slug, request with { Categories = Without(request.Categories, slug) }));
        }

        foreach (var mode in request.Modes)
        {
            filters.Add(new(mode.ToDisplay(), request with { Modes = Without(request.Modes, mode) }));
        }

        foreach (var type in request.Types)
        {
            filters.Add(new(type.ToDisplay(), request with { Types = Without(request.Types, type) }));
        }

        foreach (var level in request.Levels)
        {
            filters.Add(new(level.ToDisplay(), request with { Levels = Without(request.Levels, level) }));
        }

        if (request.SalaryMin is { } salary)
        {
            filters.Add(new($"At least {Display.Money(salary, result.Currency)} a year", request with { SalaryMin = null }));
        }

        if (request.PostedWithinDays is { } days)
        {
            filters.Add(new(PostedLabel(days), request with { PostedWithinDays = null }));
        }

        if (request.VisaSponsorship)
        {
            filters.Add(new("Sponsors visas", request with { VisaSponsorship = false }));
        }

        return filters;
    }

    /// <summary>The search with no filter: the words and the sort stay.</summary>
    public static JobSearchRequest Cleared(JobSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JobSearchRequest.Empty with { Q = request.Q, Sort = request.Sort };
    }

    public static string PostedLabel(int days) => days == 1 ? "Last 24 hours" : $"Last {days.ToString(CultureInfo.InvariantCulture)} days";

    /// <summary>"Within 40 km of Chicago, IL" around a city, "In Romania" for a region or a country: the place as typed.</summary>
    private static string PlaceLabel(JobSearchRequest request, ResolvedLocation? location)
    {
        var place = request.Location!.Trim();
        if (location is { Found: true, Precision: not PlacePrecision.City })
        {
            return $"In {place}";
        }

        var unit = request.Unit == DistanceUnit.Mi ? "mi" : "km";
        return location is { Found: true }
            ? $"Within {request.EffectiveRadius.ToString(CultureInfo.InvariantCulture)} {unit} of {place}"
            : $"In “{place}”";
    }

    private static List<T> Without<T>(IReadOnlyList<T> values, T value) => [.. values.Where(v => !EqualityComparer<T>.Default.Equals(v, value))];
}
