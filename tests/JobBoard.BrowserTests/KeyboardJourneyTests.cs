using System.Text.RegularExpressions;
using JobBoard.Data.Accounts;
using JobBoard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JobBoard.BrowserTests;

/// <summary>
/// A seeker who uses only the keyboard (Tab, Enter and Space, and typing words): searches, narrows the results with a
/// filter, opens a posting and saves it, signing in on the way. Every stop has a visible focus indicator.
/// </summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed partial class KeyboardJourneyTests(BrowserBoard board)
{
    // Past the header, the search form, every result and its links: the filters come after the results.
    private const int MostTabs = 250;

    // What has focus, described for a failure, and whether it shows that it has (an outline or a ring).
    private const string Focused = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return JSON.stringify({ what: 'nothing', visible: false });
          const style = getComputedStyle(e);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          const ring = style.boxShadow && style.boxShadow !== 'none';
          const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40);
          const what = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? `[name=${e.name}]` : '')
            + (e.type && e.tagName === 'INPUT' ? `[type=${e.type}]` : '') + (text ? ` "${text}"` : '');
          return JSON.stringify({ what, visible: outline || !!ring });
        }
        """;

    [Fact]
    public async Task A_seeker_searches_filters_opens_a_posting_and_saves_it_with_the_keyboard_alone()
    {
        var seeker = await board.App.CreateUserAsync("keyboard@browser.test", BoardRoles.Seeker);
        await using var session = await board.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        // Search: into the header's search box, type, Enter.
        await TabToAsync(page, "form[role=search] input[name=q]", "the site search box");
        await page.Keyboard.TypeAsync("sales");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/jobs\?q=sales$"));
        var unfiltered = await TotalAsync(page);

        // A filter: the first option of a counted facet (it has matches), a checkbox (Space) or, in older markup, a link (Enter).
        var filter = await TabToAsync(
            page,
            ":is([name=mode], [name=type], [name=category], [name=level])[type=checkbox], [data-testid^=facet-] a[href^='/jobs?']",
            "a filter");
        await page.Keyboard.PressAsync(filter.Contains("[type=checkbox]", StringComparison.Ordinal) ? "Space" : "Enter");
        await page.WaitForURLAsync(new Regex(@"[?&](category|mode|type|level|posted|visa)="));
        page.Url.Should().Contain("q=sales", "the filter narrows the search, it does not replace it");
        (await TotalAsync(page)).Should().BeLessThanOrEqualTo(unfiltered);

        // A result: its title link, Enter.
        await TabToAsync(page, "main :is(h2, h3) a[href^='/jobs/']", "the first result");
        var title = (await page.EvaluateAsync<string>("() => document.activeElement.innerText")).Trim();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(Journeys.JobUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var posting = page.Url;

        // Save: a guest's "Save job" leads through sign-in, typed in and sent with Enter, back to the saved posting.
        await TabToAsync(page, "main a[href$='/save']", "Save job");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/Account/SignIn"));
        await TabToAsync(page, "#Form_Email", "the e-mail field");
        await page.Keyboard.TypeAsync("keyboard@browser.test");
        await TabToAsync(page, "#Form_Password", "the password field");
        await page.Keyboard.TypeAsync(TestAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(posting);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unsave job", Exact = true })).ToBeVisibleAsync();
        (await board.App.ExecuteDbContextAsync(db => db.SavedJobs.CountAsync(s => s.UserId == seeker.Id))).Should().Be(1);
        session.Problems.Should().BeEmpty();
    }

    /// <summary>
    /// Presses Tab until the focus is on an element matching <paramref name="selector"/>; fails naming the stops it made
    /// when there is none within reach, or when a stop does not show its focus.
    /// </summary>
    private static async Task<string> TabToAsync(IPage page, string selector, string what)
    {
        var stops = new List<string>();
        for (var presses = 0; presses < MostTabs; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = System.Text.Json.JsonSerializer.Deserialize<Focus>(await page.EvaluateAsync<string>(Focused), System.Text.Json.JsonSerializerOptions.Web)!;
            stops.Add(focus.What);
            if (focus.What != "nothing")
            {
                focus.Visible.Should().BeTrue($"the keyboard's focus on {focus.What} (tab {presses + 1} on {page.Url}) is visible");
            }

            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return focus.What;
            }
        }

        throw new Xunit.Sdk.XunitException(
            $"Tab never reached {what} ({selector}) on {page.Url} in {MostTabs} presses; the stops were:\n  {string.Join("\n  ", stops.Distinct().Take(60))}");
    }

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse(NonDigits().Replace((await page.GetByTestId("total").InnerTextAsync()).Split(' ')[0], ""), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\D")]
    private static partial Regex NonDigits();

    private sealed record Focus(string What, bool Visible);
}
