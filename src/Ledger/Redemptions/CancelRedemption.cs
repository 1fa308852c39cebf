using Marten;
using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Redemptions;

/// <summary>The volunteer withdraws their request before the office decides.</summary>
public sealed record CancelRedemption(Guid RedemptionId, string? Reason, string Actor);

public static class CancelRedemptionDecider
{
    /// <summary>Releases the hold and the reservation; nothing when the redemption is already cancelled.</summary>
    public static Settlement? Decide(CancelRedemption command, Redemption redemption, Payer payer, Instant now)
    {
        var reason = PersonalDataGuard.Text(command.Reason, "reason", 500);
        if (RedemptionTransitions.IsRepeat(redemption, RedemptionStatus.Cancelled, RedemptionStatus.Requested))
            return null;
        RedemptionTransitions.EnsureUndecided(redemption, now);
        return new Settlement(
            new RedemptionCancelled(redemption.Id, reason, now, command.Actor),
            new CatalogUnitReleased(redemption.ItemId, redemption.Id, redemption.SlotId, now),
            payer.Release(redemption, ReleaseReason.Cancelled, reason, now, command.Actor));
    }
}

public static class CancelRedemptionHandler
{
    public static async Task<RedemptionStep> Handle(CancelRedemption command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        PersonalDataGuard.Text(command.Reason, "reason", 500);
        var parties = await RedemptionParties.LockForDecision(session, command.RedemptionId, RedemptionStatus.Cancelled,
            now, command.Actor, ct);
        if (parties.Repeat) return new RedemptionStep(parties.Redemption, false);

        var settlement = CancelRedemptionDecider.Decide(command, parties.Redemption, parties.Payer!, now)!;
        parties.Append(settlement);
        return new RedemptionStep(parties.Redemption.Apply((RedemptionCancelled)settlement.Redemption), true);
    }
}
