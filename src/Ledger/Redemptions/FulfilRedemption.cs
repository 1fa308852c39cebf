using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Redemptions;

/// <summary>Office staff hand the item over against the pickup code the volunteer shows.</summary>
public sealed record FulfilRedemption(Guid RedemptionId, string Code, string Actor);

public static class FulfilRedemptionDecider
{
    /// <summary>Closes the redemption; nothing when it is already fulfilled. Points and unit moved at approval.</summary>
    public static RedemptionFulfilled? Decide(FulfilRedemption command, Redemption redemption, Instant now)
    {
        if (RedemptionTransitions.IsRepeat(redemption, RedemptionStatus.Fulfilled, RedemptionStatus.Approved))
            return null;
        if (now >= redemption.CollectBy)
            throw LedgerRuleViolation.Conflict("collection_period_over",
                "领取期限已过，积分将退还 / the collection period is over; the points are being refunded");
        if (!PickupCode.Matches(redemption.Id, command.Code, redemption.PickupCodeHash!))
            throw LedgerRuleViolation.Invalid("wrong_pickup_code", "取件码不正确 / the pickup code does not match", "code");
        return new RedemptionFulfilled(redemption.Id, now, command.Actor);
    }
}

public static class FulfilRedemptionHandler
{
    public static async Task<RedemptionStep> Handle(FulfilRedemption command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Redemption>(command.RedemptionId, ct);
        var redemption = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("redemption", command.RedemptionId);
        if (FulfilRedemptionDecider.Decide(command, redemption, clock.GetCurrentInstant()) is not { } fulfilled)
            return new RedemptionStep(redemption, false);
        stream.AppendOne(fulfilled);
        return new RedemptionStep(redemption.Apply(fulfilled), true);
    }
}
