using JobBoard.Domain.Common;

namespace JobBoard.Tests.Domain.Common;

public sealed class SlugTests
{
    [Theory]
    [InlineData("C", "c")]
    [InlineData("C#", "c-sharp")]
    [InlineData("C++", "c-plus-plus")]
    [InlineData("F", "f")]
    [InlineData("F#", "f-sharp")]
    [InlineData("NET", "net")]
    [InlineData(".NET", "dot-net")]
    [InlineData(".NET Developer", "dot-net-developer")]
    [InlineData("Senior C# / .NET Engineer", "senior-c-sharp-dot-net-engineer")]
    [InlineData("C#/.NET", "c-sharp-dot-net")]
    [InlineData("C/C++", "c-c-plus-plus")]
    [InlineData("C++20", "c-plus-plus-20")]
    [InlineData("Notepad++", "notepad-plus-plus")]
    [InlineData("10+ years", "10-plus-years")]
    public void The_symbols_that_tell_technologies_apart_are_spelled_out(string name, string slug)
    {
        Slug.From(name).Should().Be(slug);
    }

    [Theory]
    [InlineData("Nurse\uFFFF\uFFFE", "nurse")]
    [InlineData("C\uD800#", "c")]
    [InlineData("Night\uDC00 Nurse\uFDD0", "night-nurse")]
    [InlineData("\uD83D\uDE00 Café", "cafe")]
    public void Text_that_Unicode_normalization_refuses_still_gets_a_slug(string text, string slug) =>
        Slug.From(text).Should().Be(slug);

    [Fact]
    public void Names_that_differ_only_by_a_symbol_get_distinct_slugs()
    {
        string[] names = ["C", "C#", "C++", "F", "F#", "NET", ".NET", "Node.js", "Node"];

        names.Select(Slug.From).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("Node.js", "node-js")]
    [InlineData("ASP.NET Core", "asp-net-core")]
    [InlineData("Account Management", "account-management")]
    [InlineData("  Sales ", "sales")]
    [InlineData("Healthcare", "healthcare")]
    [InlineData("Management & Leadership", "management-leadership")]
    [InlineData("Crm (Customer Relationship Management)", "crm-customer-relationship-management")]
    [InlineData("Iași", "iasi")]
    [InlineData("Société Générale", "societe-generale")]
    [InlineData("Registered Nurse - $20K Sign on", "registered-nurse-20k-sign-on")]
    [InlineData("A + B", "a-b")]
    [InlineData("#1 Staffing", "1-staffing")]
    [InlineData("No. 1 Bakery", "no-1-bakery")]
    [InlineData("...And More", "and-more")]
    public void Other_punctuation_separates_words_and_accents_are_folded(string name, string slug)
    {
        Slug.From(name).Should().Be(slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+++")]
    [InlineData("#")]
    [InlineData(" . ")]
    public void A_name_with_no_letters_or_digits_gets_a_placeholder(string name)
    {
        Slug.From(name).Should().Be("job");
    }

    [Fact]
    public void A_long_name_is_cut_to_the_maximum_length_without_a_trailing_hyphen()
    {
        var slug = Slug.From(string.Concat(Enumerable.Repeat("C++ ", 40)));

        slug.Length.Should().BeLessThanOrEqualTo(Slug.MaxLength);
        slug.Should().StartWith("c-plus-plus-c-plus-plus-").And.NotEndWith("-");
    }
}
