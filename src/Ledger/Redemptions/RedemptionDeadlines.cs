using Marten;
using Microsoft.Extensions.Logging;
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

    /// <summary>
    /// What every redemption reminder does: lock the redemption; when its deadline has not come yet, remind again;
    /// when it has, lock the item and the payer and append what <paramref name="decide"/> settles. A reminder for a
    /// redemption that does not exist is dropped.
    /// </summary>
    public static async Task Remind<TReminder>(IDocumentSession session, Guid redemptionId, Instant now,
        Func<Redemption, Instant, ExpiryCheck> check, Func<Redemption, Payer, Instant, Settlement?> decide,
        Func<Redemption, ValueTask> remindAgain, ILogger<TReminder> logger, CancellationToken ct)
    {
        var parties = await RedemptionParties.TryLockRedemption(session, redemptionId, ct);
        if (parties is null)
        {
            logger.LogWarning("{Reminder} for unknown redemption {RedemptionId} dropped", typeof(TReminder).Name,
                redemptionId);
            return;
        }
        switch (check(parties.Redemption, now))
        {
            case ExpiryCheck.Nothing:
                return;
            case ExpiryCheck.NotYet:
                await remindAgain(parties.Redemption);
                return;
        }

        await parties.LockItemAndPayer(session, now, SystemActor, ct);
        parties.Append(decide(parties.Redemption, parties.Payer!, now)!);
    }

    /// <summary>The wait from the injected clock's now; never less than a moment, so a deadline that is already
    /// due still goes through the durable queue.</summary>
    public static TimeSpan Delay(Instant due, Instant now)
    {
        var wait = (due - now).ToTimeSpan();
        return wait < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : wait;
    }
}
