using JobBoard.Loader.BulkLoad;
using JobBoard.Loader.DemoData;

namespace JobBoard.Tests.BulkLoad;

public sealed class SyntheticBulkLoadCommandTests
{
    [Fact]
    public void Reads_the_count_and_defaults_the_rest()
    {
        SyntheticBulkLoadCommand.TryParse(["--synthetic", "1000000"], out var options, out _).Should().BeTrue();

        options.Count.Should().Be(1_000_000);
        options.Seed.Should().Be(SyntheticBoard.DefaultSeed);
        options.PlaceCount.Should().Be(3000, "a million postings span a few thousand towns");
    }

    [Fact]
    public void Reads_every_option()
    {
        SyntheticBulkLoadCommand.TryParse(["--seed", "42", "--synthetic", "500", "--places", "80", "--streams", "1"], out var options, out _)
            .Should().BeTrue();

        options.Should().BeEquivalentTo(new { Count = 500, Seed = 42, PlaceCount = 80, CopyStreams = 1, SearchStreams = 1 });
    }

    [Theory]
    [InlineData(new string[0], "--synthetic N")]
    [InlineData(new[] { "--synthetic" }, "--synthetic needs a whole number")]
    [InlineData(new[] { "--synthetic", "ten" }, "--synthetic needs a whole number")]
    [InlineData(new[] { "--synthetic", "0" }, "--synthetic 0 is out of range")]
    [InlineData(new[] { "--synthetic", "10", "--streams", "9" }, "--streams 9 is out of range")]
    [InlineData(new[] { "--synthetic", "10", "--dump", "1" }, "Unknown option --dump")]
    public void Refuses_what_it_cannot_read(string[] args, string message)
    {
        SyntheticBulkLoadCommand.TryParse(args, out _, out var error).Should().BeFalse();

        error.Should().Contain(message);
    }
}
