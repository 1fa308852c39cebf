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
    public static Task Handle(CloseUncollectedRedemption message, IDocumentSession session, IClock clock,
        Wolverine.IMessageBus bus, ILogger<CloseUncollectedRedemption> logger, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        return RedemptionDeadlines.Remind(session, message.RedemptionId, now, CloseUncollectedRedemptionDecider.Check,
            CloseUncollectedRedemptionDecider.Decide,
            r => RedemptionDeadlines.ScheduleCollection(bus, r.Id, r.CollectBy!.Value, now), logger, ct);
    }
}
