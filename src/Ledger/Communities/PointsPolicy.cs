using NodaTime;

namespace QunTuan.Ledger.Communities;

/// <summary>
/// How a community runs redemption and expiry. <see cref="DecisionWindow"/>: how long a request may wait for
/// the office before it expires by itself; <see cref="CollectionWindow"/>: how long an approved item waits to be
/// collected before it is cancelled and refunded. <see cref="ExpireAfterYears"/>: points earned in year Y expire
/// at the end of year Y + n (null: points never expire, the default). Durations, not days, so a test can use
/// seconds.
/// </summary>
public sealed record PointsPolicy(Duration DecisionWindow, Duration CollectionWindow, int? ExpireAfterYears)
{
    public static readonly PointsPolicy Default = new(Duration.FromDays(7), Duration.FromDays(30), null);

    /// <summary>The last calendar year whose points have expired at <paramref name="today"/>, or null.</summary>
    public int? ExpiredThroughYear(LocalDate today) =>
        ExpireAfterYears is { } years ? today.Year - years - 1 : null;
}
