using NodaTime;

namespace QunTuan.Api.Simulation;

/// <summary>
/// The app's clock while a scenario writes history: it stands wherever the scenario puts it (the seeds load on
/// its first morning), then <see cref="Release"/> hands time back to the system clock.
/// </summary>
public sealed class ScenarioClock(Instant start) : IClock
{
    private Instant _now = start;
    private volatile bool _released;

    public Instant GetCurrentInstant() => _released ? SystemClock.Instance.GetCurrentInstant() : _now;

    public void Set(Instant now) => _now = now;

    public void Release() => _released = true;
}
