using System.Globalization;
using JobBoard.Data;
using Microsoft.EntityFrameworkCore;

namespace JobBoard.Web.Applications;

/// <summary>One posting's views and apply clicks per day over the chart's days, oldest first, and the points to draw.</summary>
public sealed record PostingActivityChart(int PostingId, string Title, IReadOnlyList<DateOnly> Days, IReadOnlyList<int> Views, IReadOnlyList<int> ApplyClicks)
{
    public const int Width = 300;
    public const int Height = 60;

    public int TotalViews => Views.Sum();

    public int TotalApplyClicks => ApplyClicks.Sum();

    /// <summary>The larger of the two series' highest days: both lines share one scale, so they can be compared.</summary>
    public int Peak => Math.Max(1, Math.Max(Views.DefaultIfEmpty().Max(), ApplyClicks.DefaultIfEmpty().Max()));

    public string ViewsPoints => Points(Views);

    public string ApplyClicksPoints => Points(ApplyClicks);

    /// <summary>What the chart says, in words: its text alternative.</summary>
    public string Summary =>
        $"{Title}: {Count(TotalViews, "view")} and {Count(TotalApplyClicks, "apply click")} in the last {Days.Count} days" +
        (TotalViews > 0 ? $", most views on {Days[Views.ToList().IndexOf(Views.Max())].ToString("d MMMM", CultureInfo.InvariantCulture)}." : ".");

    private string Points(IReadOnlyList<int> values)
    {
        var step = values.Count > 1 ? (double)Width / (values.Count - 1) : 0;
        return string.Join(' ', values.Select((value, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i * step:0.#},{Height - 2 - (value * (Height - 4.0) / Peak):0.#}")));
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count:N0} {noun}s";
}

/// <summary>
/// The recruiter dashboard's chart of views and apply clicks, read from <c>posting_daily_stats</c> (written by
/// <see cref="Listings.PostingActivity"/>): the company's busiest postings over the last <see cref="Days"/> days.
/// </summary>
public static class ActivityCharts
{
    public const int Days = 30;

    public const int Postings = 5;

    public static async Task<IReadOnlyList<PostingActivityChart>> ForCompanyAsync(
        JobBoardDbContext db, int companyId, DateOnly today, CancellationToken cancellationToken)
    {
        var from = today.AddDays(1 - Days);
        var window = db.PostingDailyStats.AsNoTracking()
            .Where(s => s.Day >= from && s.Day <= today && db.Postings.Any(p => p.Id == s.PostingId && p.CompanyId == companyId));
        var busiest = await window.GroupBy(s => s.PostingId)
            .Select(g => new { PostingId = g.Key, Total = g.Sum(s => s.Views + s.ApplyClicks) })
            .OrderByDescending(g => g.Total).ThenBy(g => g.PostingId)
            .Take(Postings)
            .Select(g => g.PostingId)
            .ToListAsync(cancellationToken);
        var rows = await window.Where(s => busiest.Contains(s.PostingId))
            .Join(db.Postings, s => s.PostingId, p => p.Id, (s, p) => new { p.Id, p.Title, s.Day, s.Views, s.ApplyClicks })
            .ToListAsync(cancellationToken);
        var days = Enumerable.Range(0, Days).Select(from.AddDays).ToList();
        return rows.GroupBy(r => (r.Id, r.Title))
            .Select(posting =>
            {
                var byDay = posting.ToDictionary(r => r.Day);
                return new PostingActivityChart(posting.Key.Id, posting.Key.Title, days,
                    [.. days.Select(d => byDay.TryGetValue(d, out var r) ? r.Views : 0)],
                    [.. days.Select(d => byDay.TryGetValue(d, out var r) ? r.ApplyClicks : 0)]);
            })
            .OrderByDescending(c => c.TotalViews + c.TotalApplyClicks).ThenBy(c => c.PostingId)
            .Take(Postings)
            .ToList();
    }
}
