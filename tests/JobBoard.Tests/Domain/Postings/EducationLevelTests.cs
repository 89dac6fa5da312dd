using JobBoard.Domain.Postings;

namespace JobBoard.Tests.Domain.Postings;

public sealed class EducationLevelTests
{
    [Theory]
    [InlineData("High school diploma", "high school")]
    [InlineData("High school diploma or equivalent", "high school")]
    [InlineData("GED", "high school")]
    [InlineData("Associate degree in Nursing", "associate degree")]
    [InlineData("Associate's degree", "associate degree")]
    [InlineData("Bachelor's degree", "bachelor degree")]
    [InlineData("Bachelor’s degree required, advanced degree a plus.", "bachelor degree")]
    [InlineData("BSc in Computer Science", "bachelor degree")]
    [InlineData("Degree in a health-related field or equivalent clinical training", "bachelor degree")]
    [InlineData("Undergraduate degree", "bachelor degree")]
    [InlineData("Master's degree or PhD", "postgraduate degree")]
    [InlineData("MBA preferred", "postgraduate degree")]
    [InlineData("Advanced degree (MD, PharmD or PhD)", "postgraduate degree")]
    [InlineData("Postgraduate degree", "postgraduate degree")]
    [InlineData("Professional certificate", "professional certificate")]
    [InlineData("CompTIA A+ certification", "professional certificate")]
    [InlineData("Nursing diploma", "professional certificate")]
    public void The_level_an_education_names_first_is_the_one_Google_is_told(string education, string credentialCategory) =>
        EducationLevels.Read(education)!.Value.ToSchemaOrg().Should().Be(credentialCategory);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Education")]
    [InlineData("Fluent English")]
    public void An_education_naming_no_level_has_none(string? education) => EducationLevels.Read(education).Should().BeNull();

    [Fact]
    public void Each_level_reads_back_from_its_schema_org_value_to_its_label()
    {
        foreach (var level in Enum.GetValues<EducationLevel>())
        {
            EducationLevels.FromSchemaOrg(level.ToSchemaOrg().ToUpperInvariant()).Should().Be(level);
            EducationLevels.Read(level.Label()).Should().Be(level, "a label reads as its own level");
        }

        EducationLevels.FromSchemaOrg("Bachelor's degree").Should().BeNull("only Google's own values are read this way");
    }
}
