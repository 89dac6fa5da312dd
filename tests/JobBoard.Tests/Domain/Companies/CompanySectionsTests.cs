using JobBoard.Domain.Companies;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Companies;

public sealed class CompanySectionsTests
{
    [Fact]
    public void A_new_section_gets_a_clean_unique_key_and_goes_last()
    {
        var company = Company();
        company.AddSection("Why us", "Why Acme", "We care.").Succeeded.Should().BeTrue();
        company.AddSection("eeo", "EEO", "Equal opportunity.").Succeeded.Should().BeTrue();

        var duplicate = company.AddSection("WHY US", "Again", "Twice.");
        var empty = company.AddSection(" ", " ", null);

        company.Sections.Select(s => s.Key).Should().Equal("why-us", "eeo");
        duplicate.Errors.Should().ContainSingle().Which.Message.Should().Be("There is already a section with the key \"why-us\".");
        empty.Errors.Select(e => e.Field).Should().BeEquivalentTo("Key", "Heading", "Body");
    }

    [Fact]
    public void Sections_move_one_place_at_a_time_and_stop_at_the_ends()
    {
        var company = Company();
        foreach (var key in new[] { "a", "b", "c" })
        {
            company.AddSection(key, key.ToUpperInvariant(), "Text.");
        }

        company.MoveSection("c", -1);
        company.MoveSection("a", -1);
        company.MoveSection("b", 1).Succeeded.Should().BeTrue();

        company.Sections.Select(s => s.Key).Should().Equal("a", "c", "b");
        company.MoveSection("nope", 1).Succeeded.Should().BeFalse();
    }

    [Fact]
    public void A_section_in_use_is_not_removed_and_an_unused_one_is()
    {
        var company = Company();
        company.AddSection("eeo", "EEO", "Equal opportunity.");

        var refused = company.RemoveSection("eeo", postingsUsingIt: 3);
        company.Sections.Should().ContainSingle();
        var removed = company.RemoveSection("eeo", postingsUsingIt: 0);

        refused.Errors.Single().Message.Should().Be("\"EEO\" is attached to 3 postings; remove it from them first.");
        removed.Succeeded.Should().BeTrue();
        company.Sections.Should().BeEmpty();
    }

    [Fact]
    public void Editing_keeps_the_key_and_refuses_control_characters()
    {
        var company = Company();
        company.AddSection("eeo", "EEO", "Equal opportunity.");

        var refused = company.EditSection("eeo", "EEO\0", "Body");
        var edited = company.EditSection("eeo", " Equal opportunity ", "Line one\nLine two");

        refused.Errors.Single().Message.Should().Be("This field contains control characters; type or paste plain text.");
        edited.Succeeded.Should().BeTrue();
        company.FindSection("eeo").Should().BeEquivalentTo(new { Key = "eeo", Heading = "Equal opportunity", Body = "Line one\nLine two" });
    }
}
