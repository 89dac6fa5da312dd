using JobBoard.Domain.Common;

namespace JobBoard.Domain.Postings;

/// <summary>
/// A title as search engines want it: Google for Jobs asks that a JobPosting's title not repeat where the job is, which
/// its address fields already say. The page keeps the ad's full title.
/// </summary>
public static class PostingTitle
{
    private static readonly char[] Separators = ['|', '-', '–', '—', ','];

    /// <summary>
    /// The title without a trailing part that only names one of the posting's places or its country: "Key Account
    /// Manager -Oncology | Bucharest" → "Key Account Manager -Oncology", "Nurse - Chicago, IL" → "Nurse". A place inside
    /// the title ("40 minutes from Chicago, IL") stays, as does a title that is nothing but the place.
    /// </summary>
    public static string WithoutPlaceSuffix(string title, IReadOnlyCollection<PostingLocation> places, IReadOnlyCollection<string> applicantCountries)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(applicantCountries);
        // Left to right, so that the longest trailing part naming a place goes ("Nurse - Chicago, IL", not "Nurse - Chicago").
        for (var at = title.IndexOfAny(Separators); at >= 0; at = title.IndexOfAny(Separators, at + 1))
        {
            var head = title[..at].TrimEnd([.. Separators, ' ']);
            if (head.Length > 0 && NamesAPlace(title[(at + 1)..], places, applicantCountries))
            {
                return head;
            }
        }

        return title;
    }

    /// <summary>
    /// "Bucharest", "Chicago, IL", "Chicago, Illinois, US", "Romania" or "RO" for one of the places, compared as slugs
    /// (case and accents aside): a city followed by its own region or country, or a country alone.
    /// </summary>
    private static bool NamesAPlace(string text, IReadOnlyCollection<PostingLocation> places, IReadOnlyCollection<string> applicantCountries)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Any(part => !part.Any(char.IsLetterOrDigit)))
        {
            return false;
        }

        var folded = parts.Select(Slug.From).ToList();
        if (folded.Count == 1 && places.SelectMany(p => new[] { p.CountryName, p.CountryCode }).Concat(applicantCountries)
                .Any(country => country is not null && Slug.From(country) == folded[0]))
        {
            return true;
        }

        return places.Any(place => Slug.From(place.City) == folded[0]
            && folded.Skip(1).All(part => new[] { place.Region, place.RegionCode, place.CountryName, place.CountryCode }
                .Any(name => name is not null && Slug.From(name) == part)));
    }
}
