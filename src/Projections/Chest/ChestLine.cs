using JasperFx.Events;
using Marten.Events.Projections;
using NodaTime;
using QunTuan.Ledger.Chest;

namespace QunTuan.Projections.Chest;

public enum ChestMovementKind
{
    Donation,  // 志愿者捐赠
    Expiry,    // 过期积分转入
    Hold,      // 资助冻结
    Capture,   // 资助扣除
    Release,   // 资助解冻
    Refund     // 逾期未领退还
}

/// <summary>One movement of a chest, like a line of a volunteer's statement: <see cref="Points"/> changes the
/// available balance, <see cref="HeldChange"/> the points held for open grants.</summary>
public sealed record ChestLine(
    Guid Id,
    Guid ChestId,
    long Version,
    Instant At,
    ChestMovementKind Kind,
    int Points,
    int HeldChange,
    int BalanceAfter,
    Guid? VolunteerId,
    Guid? RedemptionId,
    string? ItemCode,
    Guid? BeneficiaryId,
    string? Reason,
    string? Note,
    string Actor);

public sealed partial class ChestLineProjection : EventProjection
{
    public ChestLine Create(IEvent<ChestDonationReceived> e) =>
        new(e.Id, e.Data.ChestId, e.Version, e.Data.ReceivedAt, ChestMovementKind.Donation, e.Data.Points, 0,
            e.Data.BalanceAfter, e.Data.VolunteerId, null, null, null, "Donation", null, e.Data.ReceivedBy);

    public ChestLine Create(IEvent<ChestExpiredPointsReceived> e) =>
        new(e.Id, e.Data.ChestId, e.Version, e.Data.ReceivedAt, ChestMovementKind.Expiry, e.Data.Points, 0,
            e.Data.BalanceAfter, e.Data.VolunteerId, null, null, null, "ExpiredPoints",
            $"{e.Data.ThroughYear} 年及以前获得的积分到期 / points earned in {e.Data.ThroughYear} or before expired",
            e.Data.ReceivedBy);

    public ChestLine Create(IEvent<ChestPointsHeld> e) =>
        new(e.Id, e.Data.ChestId, e.Version, e.Data.HeldAt, ChestMovementKind.Hold, -e.Data.Points, e.Data.Points,
            e.Data.BalanceAfter, null, e.Data.RedemptionId, e.Data.ItemCode, e.Data.BeneficiaryId, "GrantRequested",
            null, e.Data.HeldBy);

    public ChestLine Create(IEvent<ChestPointsCaptured> e) =>
        new(e.Id, e.Data.ChestId, e.Version, e.Data.CapturedAt, ChestMovementKind.Capture, 0, -e.Data.Points,
            e.Data.BalanceAfter, null, e.Data.RedemptionId, e.Data.ItemCode, null, "GrantApproved", null,
            e.Data.CapturedBy);

    public ChestLine Create(IEvent<ChestPointsReleased> e) =>
        new(e.Id, e.Data.ChestId, e.Version, e.Data.ReleasedAt, ChestMovementKind.Release, e.Data.Points,
            -e.Data.Points, e.Data.BalanceAfter, null, e.Data.RedemptionId, e.Data.ItemCode, null,
            $"Grant{e.Data.Reason}", e.Data.Note, e.Data.ReleasedBy);

    public ChestLine Create(IEvent<ChestPointsRefunded> e) =>
        new(e.Id, e.Data.ChestId, e.Version, e.Data.RefundedAt, ChestMovementKind.Refund, e.Data.Points, 0,
            e.Data.BalanceAfter, null, e.Data.RedemptionId, e.Data.ItemCode, null, e.Data.Reason.ToString(), null,
            e.Data.RefundedBy);
}
