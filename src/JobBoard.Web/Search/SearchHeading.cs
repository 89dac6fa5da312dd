using System.Globalization;
using JobBoard.Domain.Places;
using JobBoard.Domain.Postings;
using JobBoard.Web.Listings;

namespace JobBoard.Web.Search;

/// <summary>What a search is for, in words: the search page's heading and the title of its RSS feed.</summary>
public static class SearchHeading
{
    /// <summary>"Jobs matching “nurse” within 40 km of Chicago, Illinois, United States — Remote, Full time".</summary>
    public static string Describe(JobSearchRequest request, JobSearchResult result, CategoryDirectory categories)
    {
        var named = request.Categories.Select(slug => categories.BySlug(slug)?.Name).OfType<string>().ToList();
        var title = named.Count > 0 ? $"{string.Join(" or ", named)} jobs" : "Jobs";
        if (request.HasWords)
        {
            title += $" matching “{request.Q}”";
        }

        if (result.Location is { Found: true } location)
        {
            var unit = request.Unit == DistanceUnit.Mi ? "mi" : "km";
            title += location.Precision == PlacePrecision.City
                ? $" within {request.EffectiveRadius.ToString(CultureInfo.InvariantCulture)} {unit} of {location.Description}"
                : $" in {location.Description}";
        }
        else if (result.Location is { } unknown)
        {
            title += $" in “{unknown.Text}”";
        }

        var filters = new List<string>();
        if (request.Modes.Count > 0)
        {
            filters.Add(string.Join(" or ", request.Modes.Select(m => m.ToDisplay())));
        }

        if (request.Types.Count > 0)
        {
            filters.Add(string.Join(" or ", request.Types.Select(t => t.ToDisplay())));
        }

        if (request.Levels.Count > 0)
        {
            filters.Add(string.Join(" or ", request.Levels.Select(l => l.ToDisplay())));
        }

        if (request.SalaryMin is { } salary)
        {
            filters.Add($"paying at least {Display.Money(salary, result.Currency)} a year");
        }

        if (request.PostedWithinDays is { } days)
        {
            filters.Add(days == 1 ? "posted in the last 24 hours" : $"posted in the last {days} days");
        }

        if (request.VisaSponsorship)
        {
            filters.Add("visa sponsorship");
        }

        if (filters.Count == 0)
        {
            return title == "Jobs" ? "All jobs" : title;
        }

        return $"{title} — {string.Join(", ", filters)}";
    }
}
