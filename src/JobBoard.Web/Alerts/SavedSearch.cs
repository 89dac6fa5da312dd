using JobBoard.Domain.Seekers;
using JobBoard.Web.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace JobBoard.Web.Alerts;

/// <summary>
/// A search as an alert keeps it (<see cref="JobAlert.Query"/>): the query string of <c>/jobs</c>, as
/// <see cref="JobSearchRequest.ToQueryString"/> writes it, without the page or the sort, and read back by the same
/// parser as the search page's, so an alert means what its search means today.
/// </summary>
public static class SavedSearch
{
    public static string QueryOf(JobSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request with { Page = 1, Sort = null }).ToQueryString(includeSort: false).TrimStart('?');
    }

    public static JobSearchRequest RequestOf(string query) =>
        JobSearchRequestParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));

    /// <summary>The address of the search itself, on the site: "/jobs?q=nurse&amp;location=Chicago".</summary>
    public static string SearchPath(string query) => string.IsNullOrEmpty(query) ? "/jobs" : $"/jobs?{query}";

    /// <summary>The search page's heading for this search ("Jobs matching “nurse” within 40 km of Chicago…"), cut to a name's length.</summary>
    public static string DefaultName(JobSearchRequest request, CategoryDirectory categories)
    {
        ArgumentNullException.ThrowIfNull(request);
        var location = ResolvedLocation.Of(request, []);
        var heading = SearchHeading.Describe(request, JobSearchResult.Nothing(request, [], location, []), categories);
        return heading.Length <= JobAlert.MaxNameLength ? heading : heading[..(JobAlert.MaxNameLength - 1)].TrimEnd() + "…";
    }
}
