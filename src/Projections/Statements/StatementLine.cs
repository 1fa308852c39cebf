using JasperFx.Events;
using Marten.Events.Projections;
using NodaTime;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Projections.Statements;

public enum MovementKind
{
    Credit,      // 服务积分入账
    Reversal,    // 冲正
    Adjustment,  // 调整
    Hold,        // 兑换冻结
    Capture,     // 兑换扣除
    Release,     // 解冻 (驳回、撤回、过期)
    Refund,      // 逾期未领退还
    Donation,    // 捐入爱心池
    Expiry       // 过期转入爱心池
}

/// <summary>
/// One movement on a volunteer's statement, one document per event so a long history pages cheaply.
/// <see cref="Version"/> is the account stream version: lines sort by it and have no gaps. <see cref="Points"/> is
/// the change to the available balance; <see cref="HeldChange"/> the change to the points held for open requests
/// (a capture moves held points to spent and leaves the available balance alone).
/// </summary>
public sealed record StatementLine(
    Guid Id,
    Guid VolunteerId,
    long Version,
    Instant At,
    MovementKind Kind,
    int Points,
    int Minutes,
    int BalanceAfter,
    LocalDate? ServiceDate,
    string? ActivityCode,
    Guid? RecordId,
    string? RuleId,
    int? RuleVersion,
    string? Reason,
    string? Note,
    string Actor,
    Guid? RedemptionId = null,
    string? ItemCode = null,
    int HeldChange = 0,
    int? HeldAfter = null);

public sealed partial class StatementLineProjection : EventProjection
{
    public StatementLine Create(IEvent<PointsCredited> e) =>
        new(e.Id, e.Data.VolunteerId, e.Version, e.Data.CreditedAt, MovementKind.Credit, e.Data.Points,
            e.Data.Minutes, e.Data.BalanceAfter, e.Data.ServiceDate, e.Data.ActivityCode, e.Data.RecordId,
            e.Data.RuleId, e.Data.RuleVersion, null, null, e.Data.CreditedBy);

    public StatementLine Create(IEvent<ServiceCreditReversed> e) =>
        new(e.Id, e.Data.VolunteerId, e.Version, e.Data.ReversedAt, MovementKind.Reversal, -e.Data.Points,
            -e.Data.Minutes, e.Data.BalanceAfter, null, e.Data.ActivityCode, e.Data.RecordId, null, null,
            e.Data.Reason.ToString(), e.Data.Note, e.Data.ReversedBy);

    public StatementLine Create(IEvent<PointsAdjusted> e) =>
        new(e.Id, e.Data.VolunteerId, e.Version, e.Data.AdjustedAt, MovementKind.Adjustment, e.Data.Points, 0,
            e.Data.BalanceAfter, null, null, null, null, null, e.Data.Reason.ToString(), e.Data.Note,
            e.Data.AdjustedBy);

    public StatementLine Create(IEvent<PointsHeld> e) =>
        Movement(e, e.Data.VolunteerId, e.Data.HeldAt, MovementKind.Hold, -e.Data.Points, e.Data.BalanceAfter,
            "RedemptionRequested", null, e.Data.HeldBy, e.Data.RedemptionId, e.Data.ItemCode, e.Data.Points,
            e.Data.HeldAfter);

    public StatementLine Create(IEvent<PointsCaptured> e) =>
        Movement(e, e.Data.VolunteerId, e.Data.CapturedAt, MovementKind.Capture, 0, e.Data.BalanceAfter,
            "RedemptionApproved", null, e.Data.CapturedBy, e.Data.RedemptionId, e.Data.ItemCode, -e.Data.Points,
            e.Data.HeldAfter);

    public StatementLine Create(IEvent<PointsReleased> e) =>
        Movement(e, e.Data.VolunteerId, e.Data.ReleasedAt, MovementKind.Release, e.Data.Points, e.Data.BalanceAfter,
            $"Redemption{e.Data.Reason}", e.Data.Note, e.Data.ReleasedBy, e.Data.RedemptionId, e.Data.ItemCode,
            -e.Data.Points, e.Data.HeldAfter);

    public StatementLine Create(IEvent<PointsRefunded> e) =>
        Movement(e, e.Data.VolunteerId, e.Data.RefundedAt, MovementKind.Refund, e.Data.Points, e.Data.BalanceAfter,
            e.Data.Reason.ToString(), "逾期未领取，积分退还 / not collected in time; points refunded", e.Data.RefundedBy,
            e.Data.RedemptionId, e.Data.ItemCode);

    public StatementLine Create(IEvent<PointsDonated> e) =>
        Movement(e, e.Data.VolunteerId, e.Data.DonatedAt, MovementKind.Donation, -e.Data.Points, e.Data.BalanceAfter,
            "DonatedToChest", e.Data.Note, e.Data.DonatedBy);

    public StatementLine Create(IEvent<PointsExpired> e) =>
        Movement(e, e.Data.VolunteerId, e.Data.ExpiredAt, MovementKind.Expiry, -e.Data.Points, e.Data.BalanceAfter,
            "ExpiredToChest",
            $"{e.Data.ThroughYear} 年及以前获得的积分到期，转入爱心池 / points earned in {e.Data.ThroughYear} or before expired and moved to the community chest",
            e.Data.ExpiredBy);

    private static StatementLine Movement(IEvent e, Guid volunteerId, Instant at, MovementKind kind, int points,
        int balanceAfter, string reason, string? note, string actor, Guid? redemptionId = null, string? itemCode = null,
        int heldChange = 0, int? heldAfter = null) =>
        new(e.Id, volunteerId, e.Version, at, kind, points, 0, balanceAfter, null, null, null, null, null, reason, note,
            actor, redemptionId, itemCode, heldChange, heldAfter);
}
