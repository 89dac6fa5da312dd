using JobBoard.Web.Import;

namespace JobBoard.Tests.Import;

public sealed class FeedImportSummaryTests
{
    [Theory]
    [InlineData(100, 20, 3, 0, 2, "Imported 120 postings (100 new, 20 updated, 3 expired); skipped 2 entries.")]
    [InlineData(1, 0, 0, 0, 1, "Imported 1 posting (1 new, 0 updated, 0 expired); skipped 1 entry.")]
    [InlineData(0, 0, 0, 1, 0, "Imported 0 postings (0 new, 0 updated, 0 expired); left 1 expired or closed posting as it was; skipped 0 entries.")]
    [InlineData(0, 4, 0, 3, 0, "Imported 4 postings (0 new, 4 updated, 0 expired); left 3 expired or closed postings as they were; skipped 0 entries.")]
    public void The_summary_line_counts_what_the_import_did(int created, int updated, int expired, int leftAlone, int skipped, string expected)
    {
        new FeedImportSummary(created, updated, expired, leftAlone, skipped).ToString().Should().Be(expected);
    }
}
