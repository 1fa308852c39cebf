using Marten;
using Microsoft.Extensions.Logging;
using NodaTime;
using QunTuan.Ledger.Catalog;

namespace QunTuan.Ledger.Redemptions;

/// <summary>The reminder that an approved item's collection period ends; scheduled at approval.</summary>
public sealed record CloseUncollectedRedemption(Guid RedemptionId);

public static class CloseUncollectedRedemptionDecider
{
    public static ExpiryCheck Check(Redemption redemption, Instant now) =>
        redemption.Status != RedemptionStatus.Approved ? ExpiryCheck.Nothing
        : now < redemption.CollectBy ? ExpiryCheck.NotYet
        : ExpiryCheck.Expire;

    /// <summary>Cancels an approved, uncollected redemption: points back to the payer, the unit back on the shelf.</summary>
    public static Settlement? Decide(Redemption redemption, Payer payer, Instant now) =>
        Check(redemption, now) != ExpiryCheck.Expire
            ? null
            : new Settlement(
                new RedemptionRefunded(redemption.Id, RefundReason.NotCollected, now, RedemptionDeadlines.SystemActor),
                new CatalogUnitReturned(redemption.ItemId, redemption.Id, redemption.SlotId, now),
                payer.Refund(redemption, RefundReason.NotCollected, now, RedemptionDeadlines.SystemActor));
}

public static class CloseUncollectedRedemptionHandler
{
    public static async Task Handle(CloseUncollectedRedemption message, IDocumentSession session, IClock clock,
        Wolverine.IMessageBus bus, ILogger<CloseUncollectedRedemption> logger, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var parties = await RedemptionParties.TryLockRedemption(session, message.RedemptionId, ct);
        if (parties is null)
        {
            logger.LogWarning("Collection reminder for unknown redemption {RedemptionId} dropped", message.RedemptionId);
            return;
        }
        var redemption = parties.Redemption;
        switch (CloseUncollectedRedemptionDecider.Check(redemption, now))
        {
            case ExpiryCheck.Nothing:
                return;
            case ExpiryCheck.NotYet:
                await RedemptionDeadlines.ScheduleCollection(bus, redemption.Id, redemption.CollectBy!.Value, now);
                return;
        }

        await parties.LockItemAndPayer(session, now, RedemptionDeadlines.SystemActor, ct);
        parties.Append(CloseUncollectedRedemptionDecider.Decide(redemption, parties.Payer!, now)!);
    }
}
