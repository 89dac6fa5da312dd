using JobBoard.Web.Import;

namespace JobBoard.Tests.Import;

public sealed class HtmlTextTests
{
    [Fact]
    public void Paragraphs_are_separated_by_blank_lines_and_list_items_keep_their_own_lines()
    {
        const string html = """
            <h2>About the role</h2>
            <p>We are   hiring a
               nurse.</p>
            <p>You will:</p>
            <ul>
              <li>Care for patients</li>
              <li>Keep <strong>accurate</strong> records</li>
            </ul>
            <p>Apply today.</p>
            """;

        HtmlText.ToPlainText(html).Should().Be(
            "About the role\n\nWe are hiring a nurse.\n\nYou will:\n\nCare for patients\nKeep accurate records\n\nApply today.");
    }

    [Fact]
    public void A_br_is_a_line_break_inside_its_paragraph()
    {
        HtmlText.ToPlainText("<p>Acme Health<br>12 Main Street<br/>Chicago</p><p>Next</p>")
            .Should().Be("Acme Health\n12 Main Street\nChicago\n\nNext");
    }

    [Fact]
    public void Entities_are_decoded_and_no_markup_is_left()
    {
        var text = HtmlText.ToPlainText("<p>R&amp;D &ndash; salary &gt; &#8364;50k &lt;b&gt; &nbsp;caf&eacute;</p><div class=\"x\">Team <a href='https://x.test/?a=1&b=2'>link</a></div>");

        text.Should().Be("R&D – salary > €50k <b> café\n\nTeam link");
    }

    [Fact]
    public void Script_style_and_comment_content_is_dropped()
    {
        const string html = "<style>p { color: red }</style><p>Visible</p><script>var x = '<p>hidden</p>';</script><!-- <p>comment</p> --><p>Also visible</p>";

        HtmlText.ToPlainText(html).Should().Be("Visible\n\nAlso visible");
    }

    [Fact]
    public void Plain_text_keeps_its_own_line_breaks()
    {
        HtmlText.ToPlainText("First line\r\nsecond line\n\n\n\nNew paragraph &amp; more  \n")
            .Should().Be("First line\nsecond line\n\nNew paragraph & more");
    }

    [Fact]
    public void Html_escaped_twice_is_still_read_as_html()
    {
        HtmlText.ToPlainText("&lt;p&gt;Hello&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One&lt;/li&gt;&lt;li&gt;Two&lt;/li&gt;&lt;/ul&gt;")
            .Should().Be("Hello\n\nOne\nTwo");
    }

    [Fact]
    public void Paragraphs_inside_a_list_item_stay_with_the_item_and_unclosed_items_end_with_their_list()
    {
        HtmlText.ToPlainText("<ul><li><p>First</p></li><li>Second<li>Third</ul><p>After</p>")
            .Should().Be("First\nSecond\nThird\n\nAfter");
    }

    [Fact]
    public void A_less_than_sign_that_starts_no_tag_is_text()
    {
        HtmlText.ToPlainText("<p>Teams of < 10 people, 3<5</p>").Should().Be("Teams of < 10 people, 3<5");
    }

    [Fact]
    public void Control_characters_are_removed()
    {
        HtmlText.ToPlainText("<p>Nurse\u0000 wanted\u0007</p>").Should().Be("Nurse wanted");
    }

    [Fact]
    public void A_title_reads_as_one_line()
    {
        HtmlText.ToLine("Nurse &amp; Carer\n <b>(Nights)</b>").Should().Be("Nurse & Carer (Nights)");
    }
}
