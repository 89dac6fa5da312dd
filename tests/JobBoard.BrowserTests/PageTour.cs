using System.Collections.Concurrent;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace JobBoard.BrowserTests;

/// <summary>
/// One visit to every catalogue page, at a 1280 px desktop and then a 390 px phone, in a few browser contexts at a time;
/// each page's served HTML is kept for one run of the Nu checker over all of them (<see cref="NuChecker"/>). What each
/// check finds is a line naming the page, the width, the rule and the element, so a failure says what to fix.
/// </summary>
public sealed class PageTour
{
    public static readonly int[] Widths = [1280, 390];

    private const int Phone = 390;

    // Two cores run the app, its database and the browser: more contexts at once only queue behind each other.
    private const int AtOnce = 3;

    // The elements past the phone's right edge whose own children are not: the ones to fix.
    private const string WiderThanViewport = """
        () => {
          const width = document.documentElement.clientWidth;
          const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + [...e.classList].slice(0, 3).map(c => '.' + c).join('')
            + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '');
          // Inside a box that scrolls or clips (a wide table in .table-responsive) an element widens only that box.
          const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
          const sticksOut = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1 && !clipped(e); };
          const culprits = [...document.body.querySelectorAll('*')]
            .filter(sticksOut)
            .filter(e => ![...e.children].some(sticksOut))
            .slice(0, 3)
            .map(e => `${describe(e)} (right edge at ${Math.round(e.getBoundingClientRect().right)} px, in ${e.parentElement ? describe(e.parentElement) : 'body'})`);
          return JSON.stringify({ scrollWidth: document.documentElement.scrollWidth, width, culprits });
        }
        """;

    private readonly ConcurrentBag<string> _statusProblems = [];
    private readonly ConcurrentBag<string> _consoleProblems = [];
    private readonly ConcurrentBag<string> _axeProblems = [];
    private readonly ConcurrentBag<string> _overflowProblems = [];
    private readonly ConcurrentDictionary<string, CataloguePage> _documents = new();

    private PageTour(string artifacts) => Artifacts = artifacts;

    /// <summary>The folder with pages/NAME-WIDTH.png and html/NAME.html.</summary>
    public string Artifacts { get; }

    public IReadOnlyList<CataloguePage> Pages { get; private set; } = [];

    public IReadOnlyList<string> StatusProblems => Sorted(_statusProblems);

    public IReadOnlyList<string> ConsoleProblems => Sorted(_consoleProblems);

    public IReadOnlyList<string> AxeProblems => Sorted(_axeProblems);

    public IReadOnlyList<string> OverflowProblems => Sorted(_overflowProblems);

    /// <summary>The HTML files the server sent, by the page they came from.</summary>
    public IReadOnlyDictionary<string, CataloguePage> Documents => _documents;

    public static async Task<PageTour> RunAsync(BrowserBoard board, PageCatalogue catalogue)
    {
        var tour = new PageTour(ArtifactsFolder());
        tour.Pages = catalogue.Pages;
        Directory.CreateDirectory(Path.Combine(tour.Artifacts, "pages"));
        Directory.CreateDirectory(Path.Combine(tour.Artifacts, "html"));
        using var gate = new SemaphoreSlim(AtOnce);
        await Task.WhenAll(catalogue.Pages.Select(async page =>
        {
            await gate.WaitAsync();
            try
            {
                await tour.VisitAsync(board, catalogue, page);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                tour._statusProblems.Add($"{page}: the visit failed: {e.Message.Split('\n')[0]}");
            }
            finally
            {
                gate.Release();
            }
        }));
        return tour;
    }

    /// <summary>JOBBOARD_TEST_ARTIFACTS (./jobboard.sh test sets it), else .tmp/test-artifacts in the repository.</summary>
    private static string ArtifactsFolder()
    {
        var configured = Environment.GetEnvironmentVariable("JOBBOARD_TEST_ARTIFACTS");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "JobBoard.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? Path.GetTempPath(), ".tmp", "test-artifacts");
    }

    private async Task VisitAsync(BrowserBoard board, PageCatalogue catalogue, CataloguePage page)
    {
        var desktop = new ViewportSize { Width = Widths[0], Height = 900 };
        await using var session = page.Visitor == Visitor.Guest
            ? await board.OpenAsync(desktop)
            : await board.OpenAsAsync(catalogue.Accounts[page.Visitor], desktop);
        var browser = session.Page;
        var response = await browser.GotoAsync(page.Path);
        if (page.SubmitEmpty is { } form)
        {
            response = await browser.RunAndWaitForResponseAsync(
                () => browser.Locator(form).First.EvaluateAsync("f => { f.noValidate = true; f.requestSubmit(); }"),
                r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
            await browser.WaitForLoadStateAsync(LoadState.Load);
        }

        if (response is null)
        {
            _statusProblems.Add($"{page}: no response");
            return;
        }

        if (response.Status != page.Status)
        {
            _statusProblems.Add($"{page}: status {response.Status}, expected {page.Status} (at {browser.Url})");
        }

        var file = Path.Combine(Artifacts, "html", page.Name + ".html");
        await File.WriteAllTextAsync(file, await response.TextAsync());
        _documents[Path.GetFullPath(file)] = page;

        foreach (var width in Widths)
        {
            await browser.SetViewportSizeAsync(width, width == Phone ? 844 : 900);
            await CheckAsync(session, page, width);
        }

        // An error page's own status is what the browser reports as a resource that failed to load: that one is expected.
        var ownStatus = $"the server responded with a status of {page.Status} ";
        foreach (var problem in session.Problems.Where(p => page.Status == 200 || !p.Contains(ownStatus, StringComparison.Ordinal)))
        {
            _consoleProblems.Add($"{page}: {problem}");
        }
    }

    private async Task CheckAsync(BrowserSession session, CataloguePage page, int width)
    {
        var browser = session.Page;
        var results = await browser.RunAxe();
        foreach (var violation in results.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var elements = violation.Nodes.Take(3).Select(n => $"{n.Target} {Shortened(n.Html)}");
            _axeProblems.Add($"{page.Name} at {width} px: {violation.Id} ({violation.Impact}) {violation.Help}; "
                + $"{violation.Nodes.Length} element(s): {string.Join("; ", elements)}");
        }

        if (width == Phone)
        {
            var overflow = JsonSerializer.Deserialize<Overflow>(await browser.EvaluateAsync<string>(WiderThanViewport), JsonSerializerOptions.Web)!;
            if (overflow.ScrollWidth > overflow.Width)
            {
                _overflowProblems.Add($"{page.Name} at {width} px: the page is {overflow.ScrollWidth} px wide; "
                    + (overflow.Culprits.Length == 0 ? "no single element sticks out" : string.Join("; ", overflow.Culprits)));
            }
        }

        await browser.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Artifacts, "pages", $"{page.Name}-{width}.png"),
            FullPage = true,
        });
    }

    private static string Shortened(string html) =>
        html.Length <= 100 ? html : string.Concat(html.AsSpan(0, 100), "…");

    private static List<string> Sorted(IEnumerable<string> lines) => lines.Order(StringComparer.Ordinal).ToList();

    private sealed record Overflow(int ScrollWidth, int Width, string[] Culprits);
}
