using Marten;
using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Redemptions;

public sealed record RejectRedemption(Guid RedemptionId, string Reason, string Actor);

public static class RejectRedemptionDecider
{
    /// <summary>Releases the hold and the reservation; nothing when the redemption is already rejected.</summary>
    public static Settlement? Decide(RejectRedemption command, Redemption redemption, Payer payer, Instant now)
    {
        var reason = PersonalDataGuard.Text(command.Reason, "reason", 500, required: true)!;
        if (RedemptionTransitions.IsRepeat(redemption, RedemptionStatus.Rejected, RedemptionStatus.Requested))
            return null;
        RedemptionTransitions.EnsureUndecided(redemption, now);
        return new Settlement(
            new RedemptionRejected(redemption.Id, reason, now, command.Actor),
            new CatalogUnitReleased(redemption.ItemId, redemption.Id, redemption.SlotId, now),
            payer.Release(redemption, ReleaseReason.Rejected, reason, now, command.Actor));
    }
}

public static class RejectRedemptionHandler
{
    public static async Task<RedemptionStep> Handle(RejectRedemption command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        PersonalDataGuard.Text(command.Reason, "reason", 500, required: true);
        var parties = await RedemptionParties.LockForDecision(session, command.RedemptionId, RedemptionStatus.Rejected,
            now, command.Actor, ct);
        if (parties.Repeat) return new RedemptionStep(parties.Redemption, false);

        var settlement = RejectRedemptionDecider.Decide(command, parties.Redemption, parties.Payer!, now)!;
        parties.Append(settlement);
        return new RedemptionStep(parties.Redemption.Apply((RedemptionRejected)settlement.Redemption), true);
    }
}
