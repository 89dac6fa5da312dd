using System.Threading.RateLimiting;

namespace JobBoard.Web;

/// <summary>
/// A bucket of <c>capacity</c> permits that gains one every <c>refillEvery</c>, on the app's <see cref="TimeProvider"/>:
/// the framework's token bucket reads the system clock, which no test can move.
/// </summary>
public sealed class TokenBucket : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(null);

    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly int _capacity;
    private readonly TimeSpan _refillEvery;
    private int _tokens;
    // Refills are counted up to this moment; while the bucket is full, it is when the bucket became full.
    private DateTimeOffset _countedTo;
    private long _granted;
    private long _refused;

    public TokenBucket(TimeProvider clock, int capacity, TimeSpan refillEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillEvery, TimeSpan.Zero);
        (_clock, _capacity, _refillEvery) = (clock, capacity, refillEvery);
        _tokens = capacity;
        _countedTo = clock.GetUtcNow();
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = _clock.GetUtcNow();
                Refill(now);
                return _tokens == _capacity ? now - _countedTo : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            Refill(_clock.GetUtcNow());
            return new RateLimiterStatistics { CurrentAvailablePermits = _tokens, TotalSuccessfulLeases = _granted, TotalFailedLeases = _refused };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _capacity);
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            Refill(now);
            if (_tokens == 0 || _tokens < permitCount)
            {
                _refused++;
                // Not full, so the next refill is less than a period away.
                return new Lease(_countedTo + (Math.Max(1, permitCount - _tokens) * _refillEvery) - now);
            }

            if (permitCount == 0)
            {
                return Granted;
            }

            if (_tokens == _capacity)
            {
                // A full bucket gains nothing while it stays full: the next refill is a whole period from now.
                _countedTo = now;
            }

            _tokens -= permitCount;
            _granted++;
            return Granted;
        }
    }

    // Nothing queues: a client past its limit is refused at once and told when to come back.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill(DateTimeOffset now)
    {
        if (_tokens == _capacity || now <= _countedTo)
        {
            return;
        }

        var refills = (long)((now - _countedTo) / _refillEvery);
        var missing = _capacity - _tokens;
        if (refills >= missing)
        {
            _countedTo += missing * _refillEvery;
            _tokens = _capacity;
        }
        else if (refills > 0)
        {
            _countedTo += refills * _refillEvery;
            _tokens += (int)refills;
        }
    }

    /// <summary>Granted without a wait, or refused with the time until enough permits are back.</summary>
    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
