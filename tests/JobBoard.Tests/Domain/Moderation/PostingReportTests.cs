using JobBoard.Domain.Moderation;
using static JobBoard.Tests.Infrastructure.TestPostings;

namespace JobBoard.Tests.Domain.Moderation;

public sealed class PostingReportTests
{
    [Fact]
    public void A_report_needs_a_known_reason_and_details_when_the_reason_is_other()
    {
        PostingReport.File(1, (ReportReason)42, null, null, Now).Errors.Single().Field.Should().Be("Reason");
        PostingReport.File(1, ReportReason.Other, "  ", null, Now).Errors.Single().Field.Should().Be("Details");
        PostingReport.File(1, ReportReason.Scam, new string('x', PostingReport.MaxDetailsLength + 1), null, Now)
            .Errors.Single().Message.Should().Be("Details have at most 2000 characters.");

        var report = PostingReport.File(1, ReportReason.Scam, "  Asks for a fee  ", reporterUserId: null, Now).Value;
        report.Should().Match<PostingReport>(r => r.Details == "Asks for a fee" && r.IsOpen && r.ReporterUserId == null);
    }

    [Fact]
    public void A_report_is_resolved_once_with_what_was_done()
    {
        var report = PostingReport.File(1, ReportReason.Spam, null, 3, Now).Value;

        report.Resolve("admin@jobboard.test", "", Now).Succeeded.Should().BeFalse();
        report.Resolve("admin@jobboard.test", "Closed the posting", Now).Succeeded.Should().BeTrue();

        report.IsOpen.Should().BeFalse();
        report.Resolve("admin@jobboard.test", "Again", Now).Errors.Single().Message.Should().Be("This report was already resolved.");
    }
}
