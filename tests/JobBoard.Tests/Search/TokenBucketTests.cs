using System.Threading.RateLimiting;
using JobBoard.Web;
using Microsoft.Extensions.Time.Testing;

namespace JobBoard.Tests.Search;

/// <summary>The search limit's bucket, on a clock the test moves.</summary>
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_full_bucket_grants_its_capacity_then_refuses_until_a_refill_is_due()
    {
        using var bucket = new TokenBucket(_clock, 3, TimeSpan.FromSeconds(2));

        Enumerable.Range(0, 3).Select(_ => bucket.AttemptAcquire().IsAcquired).ToList().Should().AllBeEquivalentTo(true);
        using var refused = bucket.AttemptAcquire();
        refused.IsAcquired.Should().BeFalse();
        refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter).Should().BeTrue();
        retryAfter.Should().Be(TimeSpan.FromSeconds(2));

        _clock.Advance(TimeSpan.FromSeconds(1.5));
        bucket.AttemptAcquire().IsAcquired.Should().BeFalse();
        bucket.AttemptAcquire().TryGetMetadata(MetadataName.RetryAfter, out retryAfter).Should().BeTrue();
        retryAfter.Should().Be(TimeSpan.FromSeconds(0.5));

        _clock.Advance(TimeSpan.FromSeconds(0.5));
        bucket.AttemptAcquire().IsAcquired.Should().BeTrue();
        bucket.AttemptAcquire().IsAcquired.Should().BeFalse();
        bucket.GetStatistics()!.TotalSuccessfulLeases.Should().Be(4);
        bucket.GetStatistics()!.TotalFailedLeases.Should().Be(4);
    }

    [Fact]
    public void Refills_are_counted_from_the_first_search_out_of_a_full_bucket_and_stop_at_capacity()
    {
        using var bucket = new TokenBucket(_clock, 3, TimeSpan.FromSeconds(2));
        _clock.Advance(TimeSpan.FromMinutes(5));
        bucket.IdleDuration.Should().Be(TimeSpan.FromMinutes(5), "a full bucket is idle; the partitioned limiter drops idle ones");

        bucket.AttemptAcquire(3).IsAcquired.Should().BeTrue("five minutes of a full bucket store nothing extra");
        bucket.IdleDuration.Should().BeNull();
        _clock.Advance(TimeSpan.FromSeconds(3));
        bucket.GetStatistics()!.CurrentAvailablePermits.Should().Be(1, "one refill 2 s after the bucket was emptied, the next due at 4 s");
        _clock.Advance(TimeSpan.FromSeconds(60));
        bucket.GetStatistics()!.CurrentAvailablePermits.Should().Be(3);
        bucket.IdleDuration.Should().Be(TimeSpan.FromSeconds(57), "full since 6 s after it was emptied");
    }

    [Fact]
    public async Task Nothing_queues_an_asynchronous_request_is_answered_at_once()
    {
        using var bucket = new TokenBucket(_clock, 1, TimeSpan.FromSeconds(1));
        (await bucket.AcquireAsync()).IsAcquired.Should().BeTrue();
        (await bucket.AcquireAsync()).IsAcquired.Should().BeFalse();
    }
}
