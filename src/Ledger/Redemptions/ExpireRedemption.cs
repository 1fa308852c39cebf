using Marten;
using Microsoft.Extensions.Logging;
using NodaTime;
using QunTuan.Ledger.Catalog;

namespace QunTuan.Ledger.Redemptions;

/// <summary>The reminder that a request's decision window ends; scheduled when it is made.</summary>
public sealed record ExpireRedemption(Guid RedemptionId);

public enum ExpiryCheck
{
    Expire,     // undecided and past its window
    NotYet,     // the reminder came early
    Nothing     // decided meanwhile (or already expired)
}

public static class ExpireRedemptionDecider
{
    public static ExpiryCheck Check(Redemption redemption, Instant now) =>
        redemption.Status != RedemptionStatus.Requested ? ExpiryCheck.Nothing
        : now < redemption.ExpiresAt ? ExpiryCheck.NotYet
        : ExpiryCheck.Expire;

    public static Settlement? Decide(Redemption redemption, Payer payer, Instant now) =>
        Check(redemption, now) != ExpiryCheck.Expire
            ? null
            : new Settlement(
                new RedemptionExpired(redemption.Id, redemption.ExpiresAt, now, RedemptionDeadlines.SystemActor),
                new CatalogUnitReleased(redemption.ItemId, redemption.Id, redemption.SlotId, now),
                payer.Release(redemption, ReleaseReason.Expired, null, now, RedemptionDeadlines.SystemActor));
}

public static class ExpireRedemptionHandler
{
    public static Task Handle(ExpireRedemption message, IDocumentSession session, IClock clock,
        Wolverine.IMessageBus bus, ILogger<ExpireRedemption> logger, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        return RedemptionDeadlines.Remind(session, message.RedemptionId, now, ExpireRedemptionDecider.Check,
            ExpireRedemptionDecider.Decide, r => RedemptionDeadlines.ScheduleExpiry(bus, r.Id, r.ExpiresAt, now),
            logger, ct);
    }
}
