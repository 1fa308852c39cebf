using System.Threading.RateLimiting;
using NodaTime;

namespace QunTuan.Api.Limits;

/// <summary>
/// A fixed-window limiter that reads time from the app's <see cref="IClock"/> (the framework's windows run on
/// their own timers), so windows are aligned to the clock and a test can move past one with a fake clock.
/// </summary>
public sealed class ClockWindowLimiter(IClock clock, int permits, Duration window) : RateLimiter
{
    private readonly Lock _gate = new();
    private long _windowIndex = long.MinValue;
    private int _used;
    private Instant _lastUse = clock.GetCurrentInstant();

    public override TimeSpan? IdleDuration =>
        _used == 0 ? TimeSpan.Zero : (clock.GetCurrentInstant() - _lastUse).ToTimeSpan();

    public override RateLimiterStatistics GetStatistics() =>
        new() { CurrentAvailablePermits = Math.Max(0, permits - _used) };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = clock.GetCurrentInstant();
            var index = now.ToUnixTimeTicks() / window.BclCompatibleTicks;
            if (index != _windowIndex)
            {
                _windowIndex = index;
                _used = 0;
            }
            _lastUse = now;
            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return Lease.Granted;
            }
            var windowEnd = Instant.FromUnixTimeTicks((index + 1) * window.BclCompatibleTicks);
            return new Lease(false, (windowEnd - now).ToTimeSpan());
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
