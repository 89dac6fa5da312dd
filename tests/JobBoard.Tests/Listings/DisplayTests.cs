using JobBoard.Web.Listings;
using Microsoft.AspNetCore.Html;

namespace JobBoard.Tests.Listings;

public sealed class DisplayTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "yesterday")]
    [InlineData(5, "5 days ago")]
    [InlineData(13, "13 days ago")]
    [InlineData(14, "2 weeks ago")]
    [InlineData(27, "3 weeks ago")]
    [InlineData(59, "8 weeks ago")]
    [InlineData(60, "2 months ago")]
    [InlineData(364, "12 months ago")]
    [InlineData(400, "over a year ago")]
    [InlineData(800, "2 years ago")]
    [InlineData(-1, "tomorrow")]
    [InlineData(-3, "in 3 days")]
    public void A_past_date_reads_as_how_long_ago(int daysAgo, string expected) =>
        Display.Ago(Today.AddDays(-daysAgo), Today).Should().Be(expected);

    [Theory]
    [InlineData(0, "closes today")]
    [InlineData(1, "closes tomorrow")]
    [InlineData(3, "closes in 3 days")]
    [InlineData(20, "closes in 2 weeks")]
    [InlineData(60, "closes in 2 months")]
    [InlineData(364, "closes in 12 months")]
    [InlineData(365, "closes on November 23, 2027")]
    [InlineData(-2, "closed 2 days ago")]
    public void A_closing_date_reads_as_how_long_is_left(int daysLeft, string expected) =>
        Display.Closes(Today.AddDays(daysLeft), Today).Should().Be(expected);

    [Fact]
    public void A_relative_date_carries_the_exact_date_for_machines_and_on_hover()
    {
        var html = Render(Display.Time(new DateOnly(2026, 11, 18), "5 days ago"));

        html.Should().Be("<time datetime=\"2026-11-18\" title=\"November 18, 2026\">5 days ago</time>");
    }

    [Fact]
    public void The_text_of_a_time_is_encoded() =>
        Render(Display.Time(Today, "<b>now</b>")).Should().Contain("&lt;b&gt;now&lt;/b&gt;").And.NotContain("<b>");

    [Theory]
    [InlineData("PL", "Poland")]
    [InlineData("US", "United States")]
    [InlineData("RO", "Romania")]
    [InlineData("gb", "United Kingdom")]
    [InlineData("XQ", "XQ")]
    [InlineData("EU-27", "EU-27")]
    public void A_country_code_reads_as_the_countrys_name(string code, string expected) =>
        Display.Country(code).Should().Be(expected);

    [Theory]
    [InlineData("Acme Health", "AH")]
    [InlineData("Novartis", "N")]
    [InlineData("nestlé health science", "NH")]
    [InlineData("Johnson & Johnson", "JJ")]
    [InlineData("  ", "?")]
    public void A_company_without_a_logo_is_marked_with_its_initials(string name, string expected) =>
        Display.Initials(name).Should().Be(expected);

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
