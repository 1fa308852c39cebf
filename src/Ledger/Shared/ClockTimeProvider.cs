using NodaTime;

namespace QunTuan.Ledger.Shared;

/// <summary>
/// Lets Marten stamp events with the application's <see cref="IClock"/>, so an event's recorded time is the same
/// "now" its handler decided with, and "as of" questions about the ledger can be asked of any instant, in tests too.
/// </summary>
public sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
