using System.Net;
using JobBoard.Tests.Infrastructure;
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

    [Fact]
    public void A_list_inside_a_list_item_stays_with_the_item_and_the_item_goes_on_after_it()
    {
        HtmlText.ToPlainText("<ul><li>Nursing<ul><li>Wards</li><li>Clinics</li></ul><p>both shifts</p></li><li>Admin</li></ul><p>After</p>")
            .Should().Be("Nursing\nWards\nClinics\nboth shifts\nAdmin\n\nAfter");
    }

    [Fact]
    public void A_br_inside_inline_tags_still_breaks_the_line()
    {
        HtmlText.ToPlainText("<p><strong>Acme Health<br /></strong><em>12 Main St<BR clear=\"all\">Chicago</em></p>")
            .Should().Be("Acme Health\n12 Main St\nChicago");
    }

    [Fact]
    public void Scripts_styles_and_comments_are_dropped_however_they_are_written()
    {
        const string html = "<p>One</p><!--> <p>Two</p><SCRIPT type='x'>if (a </b) { '<p>no</p>' }</SCRIPT><style>a > b { }</style>" +
            "<!-- a comment -- with dashes --><p>Three</p><script>never closed <p>four</p>";

        HtmlText.ToPlainText(html).Should().Be("One\n\nTwo\n\nThree", "<!--> is an empty comment, and an unclosed script runs to the end");
    }

    [Fact]
    public void Unclosed_and_misnested_tags_are_read_as_a_browser_reads_them()
    {
        HtmlText.ToPlainText("<p>First<p>Second <b>bold <i>both</b> italic</i><div>Block<table><tr><td>A<td>B<tr><td>C</table>Tail <span")
            .Should().Be("First\n\nSecond bold both italic\n\nBlock\n\nA B\nC\n\nTail");
    }

    [Fact]
    public void A_greater_than_sign_inside_an_attribute_ends_no_tag()
    {
        HtmlText.ToPlainText("<p title=\"salary > 50k\">Nurse</p><a href=https://x.test/?a>b>link</a> <img alt='a > b'>done")
            .Should().Be("Nurse\n\nb>link done", "an unquoted value ends at the first '>'");
    }

    [Fact]
    public void Cdata_sections_from_xml_feeds_are_read_for_what_they_wrap()
    {
        HtmlText.ToPlainText("<![CDATA[<p>Nurse wanted</p><ul><li>Pay > average</li></ul>]]>").Should().Be("Nurse wanted\n\nPay > average");
        HtmlText.ToPlainText("<p>Before</p><![CDATA[a > b]]><p>After</p>").Should().Be("Before\n\na > b\n\nAfter");
    }

    [Fact]
    public void Entities_are_decoded_once_as_a_browser_decodes_them()
    {
        HtmlText.ToPlainText("<p>Nurse &amp;amp; Carer&nbsp;&nbsp;&nbsp;wanted &copy 2026 &#150; now &#x1F3E5;</p>")
            .Should().Be("Nurse &amp; Carer wanted © 2026 – now 🏥", "&#150; is the Windows dash browsers show, &copy needs no semicolon");
        HtmlText.ToLine("Nurse &amp;amp; Carer").Should().Be("Nurse &amp; Carer", "text escaped twice without markup is decoded once");
    }

    [Fact]
    public void Preformatted_text_keeps_its_lines_and_spaces()
    {
        HtmlText.ToPlainText("<p>Rota:</p><pre>Mon  07:00\nTue  19:00</pre><p>End</p>").Should().Be("Rota:\n\nMon  07:00\nTue  19:00\n\nEnd");
    }

    [Theory]
    [InlineData(SeedAds.Chicago)]
    [InlineData(SeedAds.Bucharest)]
    public void A_real_ad_keeps_every_word_on_its_own_lines_as_plain_text_and_as_html(string seed)
    {
        var lines = SeedAds.Text(seed).ReplaceLineEndings("\n").Split('\n');
        var asHtml = string.Concat(lines.Select(line => $"<p>{WebUtility.HtmlEncode(line)}</p>"));
        var expected = lines.Select(SeedAds.Normalize).Where(line => line.Length > 0).ToList();

        static IEnumerable<string> Lines(string text) => text.Split('\n').Select(SeedAds.Normalize).Where(line => line.Length > 0);
        Lines(HtmlText.ToPlainText(SeedAds.Text(seed))).Should().Equal(expected);
        Lines(HtmlText.ToPlainText(asHtml)).Should().Equal(expected);
    }
}
