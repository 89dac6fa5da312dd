using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using JobBoard.Data.Accounts;
using JobBoard.Loader.DemoData;
using JobBoard.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace JobBoard.BrowserTests;

/// <summary>
/// The board served by Kestrel on a free port over its own PostgreSQL database with a small demo board loaded,
/// and the machine's Chromium driven by Playwright (its own browser downloads are never used).
/// </summary>
public sealed class BrowserBoard : IAsyncLifetime, IAsyncDisposable
{
    public const int SyntheticPostings = 40;

    // Debian's chromium; JOBBOARD_CHROMIUM points elsewhere (a Chrome on a developer's machine).
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("JOBBOARD_CHROMIUM") ?? "/usr/bin/chromium";

    private readonly KestrelJobBoardApp _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public JobBoardApp App => _app;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<DemoDataLoader>(scope.ServiceProvider).LoadIfEmptyAsync(SyntheticPostings, CancellationToken.None);
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's chromium (./jobboard.sh test does) or set JOBBOARD_CHROMIUM.");
        }

        // Expect(...) waits for a page the server is still rendering; a loaded machine needs more than the 5 s default.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        await _app.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>A fresh browser context (no cookies) with one page, failing the test on any console error or broken request.</summary>
    public async Task<BrowserSession> OpenAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>
    /// A fresh browser context already signed in as <paramref name="user"/>: it carries the session cookie the app itself
    /// would issue (protected with its keys), so pages that are not about signing in skip the sign-in form and its hashing.
    /// </summary>
    public async Task<BrowserSession> OpenAsAsync(BoardUser user, ViewportSize? viewport = null)
    {
        var session = await OpenAsync(viewport);
        await using var scope = _app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<BoardUser>>();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var cookie = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = _app.Clock.GetUtcNow() }, IdentityConstants.ApplicationScheme);
        await session.Context.AddCookiesAsync(
        [
            new Cookie { Name = cookie.Cookie.Name!, Value = cookie.TicketDataFormat.Protect(ticket), Url = BaseAddress.ToString() },
        ]);
        return session;
    }

    private sealed class KestrelJobBoardApp : JobBoardApp
    {
        public KestrelJobBoardApp() => UseKestrel(0);
    }
}

/// <summary>One visitor's browser tab; collects what the console reports so a test can assert the page ran clean.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];
    private readonly ConcurrentDictionary<IRequest, string> _inFlight = new();

    public BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Add($"console: {message.Text} (on {page.Url})");
            }
        };
        page.PageError += (_, error) => _problems.Add($"script: {error}");
        page.Request += (_, request) => _inFlight[request] = request.Url;
        page.RequestFinished += (_, request) => _inFlight.TryRemove(request, out string? _);
        page.RequestFailed += (_, request) =>
        {
            _inFlight.TryRemove(request, out string? _);
            _problems.Add($"request failed: {request.Url}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                _problems.Add($"{response.Status} for {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public IBrowserContext Context => _context;

    /// <summary>Console errors (a blocked script or style is one), uncaught script errors and failed requests so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>
    /// Clicks a link and waits until the page it leads to has its document (DOMContentLoaded: what the tests read is
    /// there by then; the load event also waits for every image and style), failing with the requests still unanswered
    /// when it does not come.
    /// </summary>
    public async Task FollowAsync(ILocator link, Regex url)
    {
        // A link from one posting to another matches the pattern before it is followed: wait for a new address.
        var from = Page.Url;
        await link.ClickAsync();
        try
        {
            await Page.WaitForURLAsync(address => address != from && url.IsMatch(address), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException(
                $"{timeout.Message}\nAt {Page.Url}; requests still unanswered: {string.Join(", ", _inFlight.Values)}", timeout);
        }
    }

    /// <summary>
    /// What axe-core (Deque's engine, run in the page) finds serious or critical on the page as it stands: each as
    /// "rule: help (selector, …)", so a failing test names what to fix.
    /// </summary>
    public async Task<IReadOnlyList<string>> AccessibilityProblemsAsync()
    {
        var results = await Page.RunAxe();
        return results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}")
            .ToList();
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserTestsDefinition : ICollectionFixture<BrowserBoard>
{
    public const string Name = "browser";
}
