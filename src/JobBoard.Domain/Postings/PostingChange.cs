using System.Globalization;
using System.Text;

namespace JobBoard.Domain.Postings;

/// <summary>
/// How much an edit changes what a posting says, for the review rule of <see cref="JobPosting.Revise"/>. The ad's texts
/// (title, summary, lists, section headings and bodies, benefits) are compared character by character; everything else
/// (places, pay, dates, links, types, categories, skills, the typed facts of requirements, the number and order of
/// items) must stay exactly as it was for the edit to count as a typo fix.
/// </summary>
public enum PostingChange
{
    None,

    /// <summary>At most <see cref="JobPosting.TypoFixMaxEdits"/> characters of text changed, and nothing else.</summary>
    TypoFix,

    Substantive,
}

public static class PostingChanges
{
    public static PostingChange Between(PostingContent before, PostingContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (Shape(before) != Shape(after))
        {
            return PostingChange.Substantive;
        }

        var (old, @new) = (Texts(before), Texts(after));
        var edits = 0;
        for (var i = 0; i < old.Count && edits <= JobPosting.TypoFixMaxEdits; i++)
        {
            edits += EditDistance(old[i], @new[i], JobPosting.TypoFixMaxEdits - edits);
        }

        return edits == 0 ? PostingChange.None : edits <= JobPosting.TypoFixMaxEdits ? PostingChange.TypoFix : PostingChange.Substantive;
    }

    /// <summary>
    /// Levenshtein distance, or any value above <paramref name="limit"/> once it is known to exceed it. The common
    /// start and end are skipped first, so a typo in a 20,000-character text costs a few characters' work.
    /// </summary>
    public static int EditDistance(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        var (endA, endB) = (a.Length, b.Length);
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var (x, y) = (a[start..endA], b[start..endB]);
        if (Math.Abs(x.Length - y.Length) > limit || x.Length > 4 * (limit + 1) || y.Length > 4 * (limit + 1))
        {
            return limit + 1 + Math.Abs(x.Length - y.Length);
        }

        var previous = Enumerable.Range(0, y.Length + 1).ToArray();
        var current = new int[y.Length + 1];
        for (var i = 1; i <= x.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= y.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[y.Length];
    }

    private static List<string> Texts(PostingContent c) =>
    [
        c.Title, c.Summary ?? string.Empty, c.CoreResponsibilities ?? string.Empty, c.Compensation?.Benefits ?? string.Empty,
        .. c.Responsibilities,
        .. c.Requirements.Select(r => r.Text),
        .. c.Sections.SelectMany(s => new[] { s.Heading ?? string.Empty, s.Body ?? string.Empty }),
    ];

    // Everything but the texts, one value after another; counts keep a moved text from passing as an edit of another.
    private static string Shape(PostingContent c)
    {
        var shape = new StringBuilder();
        void Add(object? value) => shape.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\u001f');
        Add(c.RequisitionReference);
        Add(c.ApplyUrl);
        Add(c.ApplyEmail);
        Add(c.Responsibilities.Count);
        foreach (var r in c.Requirements)
        {
            Add(r.Importance);
            Add(r.Facts);
        }

        foreach (var s in c.Sections)
        {
            Add(s.Kind);
            Add(s.CompanySectionKey);
            Add(s.Heading is null);
            Add(s.Body is null);
        }

        if (c.Compensation is { } pay)
        {
            Add(pay.Currency);
            Add((double?)pay.Minimum);
            Add((double?)pay.Maximum);
            Add(pay.Period);
            Add(pay.CashIncentive);
            Add(pay.EquityEligible);
        }

        foreach (var l in c.Locations)
        {
            Add(FormattableString.Invariant($"{l.City}|{l.Region}|{l.CountryCode}|{l.Latitude}|{l.Longitude}"));
        }

        Add(c.WorkMode);
        Add(c.RelocationSupport);
        Add(c.VisaSponsorship);
        Add(c.EmploymentType);
        Add(c.ExperienceYearsMin);
        Add(c.ExperienceYearsMax);
        Add(c.Seniority);
        Add((double?)c.HoursPerWeek);
        Add(c.WorkingLanguage);
        Add(string.Join(",", c.ApplicantCountries.Select(x => x.ToUpperInvariant())));
        Add(string.Join(",", c.Categories.Select(x => x.Slug)));
        Add(string.Join(",", c.Skills.Select(x => x.Slug)));
        Add(c.DatePosted);
        Add(c.ValidThrough);
        return shape.ToString();
    }
}
