using NodaTime;
using QunTuan.Ledger.Volunteers;
using Wolverine;

namespace QunTuan.Ledger.Redemptions;

/// <summary>
/// The deadlines of redemption and expiry are durable Wolverine messages: scheduled in the same transaction as the
/// events that set them, kept in PostgreSQL, and run after a restart. A deadline message is only a reminder: its
/// handler reads the stream and the clock again and decides for itself, so one that fires early or late, twice,
/// or after the redemption was decided does the right thing.
/// </summary>
public static class RedemptionDeadlines
{
    public const string Queue = "deadlines";
    public const string SystemActor = "system";

    /// <summary>Routes every deadline message to one durable local queue.</summary>
    public static WolverineOptions AddLedgerDeadlines(this WolverineOptions opts)
    {
        opts.LocalQueue(Queue).UseDurableInbox();
        opts.PublishMessage<ExpireRedemption>().ToLocalQueue(Queue);
        opts.PublishMessage<CloseUncollectedRedemption>().ToLocalQueue(Queue);
        opts.PublishMessage<SweepExpiredPoints>().ToLocalQueue(Queue);
        return opts;
    }

    public static ValueTask ScheduleExpiry(IMessageBus bus, Guid redemptionId, Instant expiresAt, Instant now) =>
        bus.ScheduleAsync(new ExpireRedemption(redemptionId), Delay(expiresAt, now));

    public static ValueTask ScheduleCollection(IMessageBus bus, Guid redemptionId, Instant collectBy, Instant now) =>
        bus.ScheduleAsync(new CloseUncollectedRedemption(redemptionId), Delay(collectBy, now));

    /// <summary>The wait from the injected clock's now; never less than a moment, so a deadline that is already
    /// due still goes through the durable queue.</summary>
    public static TimeSpan Delay(Instant due, Instant now)
    {
        var wait = (due - now).ToTimeSpan();
        return wait < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : wait;
    }
}
