using JobBoard.Domain.Postings;

namespace JobBoard.Tests.Domain.Postings;

public sealed class WorkModeTagTests
{
    [Theory]
    [InlineData("#LI-Hybrid\n\nLocation: Bucharest, Romania", WorkMode.Hybrid)]
    [InlineData("Join us. #LI-Remote", WorkMode.Remote)]
    [InlineData("#LI-Onsite #LI-AB1", WorkMode.OnSite)]
    [InlineData("#li-on-site", WorkMode.OnSite)]
    [InlineData("(#LI-HYBRID)", WorkMode.Hybrid)]
    public void A_LinkedIn_work_mode_tag_names_the_work_mode(string text, WorkMode expected)
    {
        WorkModeTag.In([text]).Should().Be(expected);
    }

    [Theory]
    [InlineData("Hybrid working: three days a week in the office")]
    [InlineData("#LI-DNI #LI-AB1")]
    [InlineData("#LI-Hybrids")]
    [InlineData("LI-Remote without its hash")]
    public void Text_without_a_work_mode_tag_names_none(string text)
    {
        WorkModeTag.In([text]).Should().BeNull();
    }

    [Fact]
    public void The_first_tag_in_reading_order_counts()
    {
        WorkModeTag.In([null, "No tag here.", "#LI-Remote", "#LI-Hybrid"]).Should().Be(WorkMode.Remote);
    }
}
