using Microsoft.Playwright;

namespace JobBoard.BrowserTests;

/// <summary>The pages the seo work added or owns fit a 390 px phone: nothing scrolls sideways.</summary>
[Collection(BrowserTestsDefinition.Name)]
public sealed class SeoPagesWidthTests(BrowserBoard board)
{
    [Theory]
    [InlineData("/api")]
    [InlineData("/companies")]
    [InlineData("/companies?sort=jobs")]
    public async Task The_page_is_no_wider_than_a_390_px_phone(string path)
    {
        await using var session = await board.OpenAsync(new ViewportSize { Width = 390, Height = 844 });
        var page = session.Page;

        await page.GotoAsync(path);

        var widest = await page.EvaluateAsync<string>("""
            () => {
                const width = document.documentElement.clientWidth;
                const over = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1);
                return document.documentElement.scrollWidth + ' ' + over.slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ');
            }
            """);
        widest.Split(' ')[0].Should().Be("390", $"{path} at 390 px must not scroll sideways; wider: {widest}");
        session.Problems.Should().BeEmpty();
    }
}
