using System.Diagnostics;
using Xunit.Abstractions;

namespace JobBoard.BrowserTests;

/// <summary>
/// What every page type must pass, at a 390 px phone and a 1280 px desktop: axe finds nothing serious or critical, the
/// Nu checker no error, nothing scrolls sideways on the phone, the console stays clean, and a screenshot of each page
/// and width lands in the test artifacts. The pages are visited once (the first of these tests pays for it); each test
/// reports every page that fails its check, not only the first.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class PageCatalogueTests(BrowserBoard board, ITestOutputHelper output)
{
    private static readonly SemaphoreSlim Once = new(1);
    private static PageTour? _tour;

    [Fact]
    public async Task Every_page_answers_with_its_status_and_runs_without_console_errors_or_broken_requests()
    {
        var tour = await TourAsync();
        None([.. tour.StatusProblems, .. tour.ConsoleProblems], "pages that did not load cleanly");
    }

    [Fact]
    public async Task Axe_finds_nothing_serious_or_critical_on_any_page_at_either_width()
    {
        var tour = await TourAsync();
        None(tour.AxeProblems, "serious or critical axe violations (page at width: rule, elements)");
    }

    [Fact]
    public async Task The_Nu_checker_finds_no_error_in_any_page()
    {
        var tour = await TourAsync();
        var errors = await NuChecker.ErrorsAsync(tour.Documents.Keys);
        // One line per page and message: a bad attribute in a list repeats on every row.
        None(
            errors.GroupBy(e => (e.File, e.Text))
                .Select(g => $"{Describe(tour, g.Key.File)}: {g.Key.Text} ({g.Count()}×, first at line {g.First().Line}: {g.First().Extract})")
                .Order(StringComparer.Ordinal)
                .ToList(),
            $"Nu checker errors (the HTML checked is in {Path.Combine(tour.Artifacts, "html")})");
        tour.Documents.Should().HaveCount(tour.Pages.Count, "every page's HTML was checked");
    }

    [Fact]
    public async Task No_page_scrolls_sideways_on_a_390_px_phone()
    {
        var tour = await TourAsync();
        None(tour.OverflowProblems, "pages wider than the phone (and what sticks out)");
    }

    [Fact]
    public async Task Each_page_and_width_has_a_screenshot_in_the_test_artifacts()
    {
        var tour = await TourAsync();
        var missing = tour.Pages
            .SelectMany(page => PageTour.Widths.Select(width => Path.Combine(tour.Artifacts, "pages", $"{page.Name}-{width}.png")))
            .Where(file => !File.Exists(file) || new FileInfo(file).Length == 0);
        missing.Should().BeEmpty("a screenshot of each page at each width is saved");
    }

    /// <summary>Fails with every problem on its own line: FluentAssertions would cut a long list short.</summary>
    private static void None(IReadOnlyCollection<string> problems, string what)
    {
        if (problems.Count > 0)
        {
            Assert.Fail($"{problems.Count} {what}:\n{string.Join("\n", problems.Select(p => "  " + p))}");
        }
    }

    private static string Describe(PageTour tour, string file) =>
        tour.Documents.TryGetValue(Path.GetFullPath(file), out var page) ? page.ToString() : file;

    private async Task<PageTour> TourAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_tour is null)
            {
                var started = Stopwatch.GetTimestamp();
                _tour = await PageTour.RunAsync(board, await PageCatalogue.BuildAsync(board));
                output.WriteLine($"{_tour.Pages.Count} pages at {string.Join(" and ", PageTour.Widths)} px in {Stopwatch.GetElapsedTime(started):m\\:ss}; screenshots in {Path.Combine(_tour.Artifacts, "pages")}");
            }

            return _tour;
        }
        finally
        {
            Once.Release();
        }
    }
}
