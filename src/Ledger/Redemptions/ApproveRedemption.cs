using Marten;
using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;
using Wolverine;

namespace QunTuan.Ledger.Redemptions;

public sealed record ApproveRedemption(Guid RedemptionId, string Actor);

public static class ApproveRedemptionDecider
{
    /// <summary>Captures the held points, consumes the reserved unit and issues <paramref name="pickupCode"/>
    /// (kept only as a hash); nothing when the redemption is already approved.</summary>
    public static Settlement? Decide(ApproveRedemption command, Redemption redemption, Payer payer, string pickupCode,
        PointsPolicy policy, Instant now)
    {
        if (RedemptionTransitions.IsRepeat(redemption, RedemptionStatus.Approved, RedemptionStatus.Requested))
            return null;
        RedemptionTransitions.EnsureUndecided(redemption, now);
        return new Settlement(
            new RedemptionApproved(redemption.Id, PickupCode.Hash(redemption.Id, pickupCode),
                now.Plus(policy.CollectionWindow), now, command.Actor),
            new CatalogUnitConsumed(redemption.ItemId, redemption.Id, redemption.SlotId, now),
            payer.Capture(redemption, now, command.Actor));
    }
}

public static class ApproveRedemptionHandler
{
    public static async Task<RedemptionStep> Handle(ApproveRedemption command, IDocumentSession session, IClock clock,
        IMessageBus bus, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var parties = await RedemptionParties.LockForDecision(session, command.RedemptionId, RedemptionStatus.Approved,
            now, command.Actor, ct);
        var redemption = parties.Redemption;
        if (parties.Repeat) return new RedemptionStep(redemption, false);

        var community = await session.Events.FetchLatest<Community>(redemption.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", redemption.CommunityId);
        var code = PickupCode.New();
        var settlement = ApproveRedemptionDecider.Decide(command, redemption, parties.Payer!, code, community.Points, now)!;
        parties.Append(settlement);
        var approved = (RedemptionApproved)settlement.Redemption;
        await RedemptionDeadlines.ScheduleCollection(bus, redemption.Id, approved.CollectBy, now);
        return new RedemptionStep(redemption.Apply(approved), true, code);
    }
}
