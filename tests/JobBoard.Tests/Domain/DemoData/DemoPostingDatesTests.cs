using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;

namespace JobBoard.Tests.Domain.DemoData;

/// <summary>The demo file's postings dated for the day the board is loaded, so the demo looks alive whenever it runs.</summary>
public sealed class DemoPostingDatesTests
{
    private static readonly DateOnly LoadDay = new(2027, 1, 18);
    private static readonly DemoPostingFile Demo = DemoPostingFile.Load();
    private static readonly IReadOnlyList<DemoPosting> Dated = Demo.PostingsAsOf(LoadDay);

    [Fact]
    public void The_newest_posting_is_posted_on_the_load_day_and_every_other_keeps_its_place_and_gap()
    {
        var shifts = Demo.Postings.Zip(Dated, (original, dated) => dated.DatePosted!.Value.DayNumber - original.DatePosted!.Value.DayNumber);

        Dated.Max(p => p.DatePosted).Should().Be(LoadDay);
        Posted(SeedAds.BucharestTitle).Should().Be(LoadDay, "the Bucharest ad is the newest, posted on 11 December 2025");
        Posted(SeedAds.ChicagoTitle).Should().Be(LoadDay.AddDays(-45), "the Chicago ad was posted 45 days before it");
        shifts.Distinct().Should().ContainSingle("every posting moves by the same number of days");
    }

    [Fact]
    public void A_posting_without_a_closing_date_is_listed_in_60_day_periods_from_its_posting_until_30_days_are_left()
    {
        foreach (var posting in Dated)
        {
            var listed = posting.ValidThrough!.Value.DayNumber - posting.DatePosted!.Value.DayNumber;
            var daysLeft = posting.ValidThrough.Value.DayNumber - LoadDay.DayNumber;
            (listed % DemoPostingFile.DaysOpen).Should().Be(0, posting.Title);
            daysLeft.Should().BeGreaterThanOrEqualTo(DemoPostingFile.MinimumDaysLeft, posting.Title);
            if (listed > DemoPostingFile.DaysOpen)
            {
                daysLeft.Should().BeLessThan(DemoPostingFile.MinimumDaysLeft + DemoPostingFile.DaysOpen, $"{posting.Title} is renewed no more than needed");
            }
        }

        Closes(SeedAds.BucharestTitle).Should().Be(LoadDay.AddDays(60), "posted on the load day, one period covers it");
        Closes(SeedAds.ChicagoTitle).Should().Be(LoadDay.AddDays(75), "posted 45 days earlier, it takes two periods");
        Dated.Select(p => p.ValidThrough).Distinct().Should().HaveCountGreaterThan(6, "closing dates spread as posting days do");
    }

    [Fact]
    public void A_closing_date_of_the_ads_own_moves_with_it_even_into_the_past()
    {
        var file = DemoPostingFile.Parse("""
            { "postings": [
              { "company": "X", "title": "Older", "datePosted": "2025-01-10", "validThrough": "2025-01-20" },
              { "company": "X", "title": "Newer", "datePosted": "2025-01-15", "validThrough": "2025-04-15" } ] }
            """);

        var dated = file.PostingsAsOf(LoadDay);

        dated.Select(p => (p.DatePosted, p.ValidThrough)).Should().Equal(
            (LoadDay.AddDays(-5), LoadDay.AddDays(5)),
            (LoadDay, new DateOnly(2027, 4, 18)));
    }

    [Fact]
    public void Only_the_dates_change_every_word_of_the_ads_stays()
    {
        foreach (var (dated, original) in Dated.Zip(Demo.Postings))
        {
            (dated with { DatePosted = original.DatePosted, ValidThrough = original.ValidThrough }).Should().Be(original, original.Title);
        }
    }

    private static DateOnly? Posted(string title) => Dated.Single(p => p.Title == title).DatePosted;

    private static DateOnly? Closes(string title) => Dated.Single(p => p.Title == title).ValidThrough;
}
