using JobBoard.Domain.Recommendations;

namespace JobBoard.Tests.Domain.Recommendations;

public sealed class TitleTrigramsTests
{
    // Expected values are PostgreSQL 15's pg_trgm similarity(a, b) for the same strings.
    [Theory]
    [InlineData("Phlebotomist", "Phlebotomy Technician", 0.34615386)]
    [InlineData("Director, Field Sales", "Field Sales Director", 1)]
    [InlineData("Key Account Manager", "Senior Key Account Manager (m/f)", 0.6666667)]
    [InlineData("Nurse", "Registered Nurse - ICU", 0.2857143)]
    [InlineData("R&D 2nd-shift", "2nd shift R and D", 0.8235294)]
    [InlineData("Asistent Manager Vânzări", "asistent manager vanzari", 0.61290324)]
    [InlineData("Ab", "ab", 1)]
    public void Similarity_is_the_one_pg_trgm_gives(string a, string b, double expected)
    {
        TitleTrigrams.Of(a).SimilarityTo(TitleTrigrams.Of(b)).Should().BeApproximately(expected, 1e-6);
        TitleTrigrams.Of(b).SimilarityTo(TitleTrigrams.Of(a)).Should().BeApproximately(expected, 1e-6);
    }

    [Fact]
    public void Words_are_runs_of_letters_and_digits_padded_like_pg_trgm_pads_them()
    {
        // show_trgm('a') = {"  a"," a "}; show_trgm('Nurse') has six; symbols alone make no word.
        TitleTrigrams.Of("a").Count.Should().Be(2);
        TitleTrigrams.Of("Nurse").Count.Should().Be(6);
        TitleTrigrams.Of("C++ / C#").Count.Should().Be(2, "show_trgm gives {\"  c\",\" c \"}: both Cs make the same two");
        TitleTrigrams.Of(" -- ").Count.Should().Be(0);
    }

    [Fact]
    public void A_title_without_words_is_like_nothing()
    {
        TitleTrigrams.Of(string.Empty).SimilarityTo(TitleTrigrams.Of("Nurse")).Should().Be(0);
        TitleTrigrams.Of(null).SimilarityTo(TitleTrigrams.Of(null)).Should().Be(0);
        TitleTrigrams.Of("C++ Developer").SimilarityTo(TitleTrigrams.Of("C# Developer")).Should().Be(1, "pg_trgm drops the symbols too");
    }
}
