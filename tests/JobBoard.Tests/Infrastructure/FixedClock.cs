namespace JobBoard.Tests.Infrastructure;

/// <summary>A clock stopped at one moment, for code that asks the app's <see cref="TimeProvider"/> what day it is.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
