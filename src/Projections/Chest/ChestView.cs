using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Chest;

namespace QunTuan.Projections.Chest;

/// <summary>
/// A community's chest (爱心池) at a glance. <see cref="Available"/> = <see cref="DonationsReceived"/> +
/// <see cref="ExpiredReceived"/> − <see cref="Granted"/> − <see cref="Held"/>, never below zero.
/// </summary>
public sealed record ChestView(
    Guid Id,
    Guid CommunityId,
    int Available,
    int Held,
    int DonationsReceived,
    int ExpiredReceived,
    int Granted,
    Instant OpenedAt,
    Instant? LastMovementAt);

public sealed partial class ChestViewProjection : SingleStreamProjection<ChestView, Guid>
{
    public ChestView Create(ChestOpened e) => new(e.ChestId, e.CommunityId, 0, 0, 0, 0, 0, e.OpenedAt, null);

    public ChestView Apply(ChestDonationReceived e, ChestView v) =>
        v with { Available = e.BalanceAfter, DonationsReceived = v.DonationsReceived + e.Points, LastMovementAt = e.ReceivedAt };

    public ChestView Apply(ChestExpiredPointsReceived e, ChestView v) =>
        v with { Available = e.BalanceAfter, ExpiredReceived = v.ExpiredReceived + e.Points, LastMovementAt = e.ReceivedAt };

    public ChestView Apply(ChestPointsHeld e, ChestView v) =>
        v with { Available = e.BalanceAfter, Held = e.HeldAfter, LastMovementAt = e.HeldAt };

    public ChestView Apply(ChestPointsReleased e, ChestView v) =>
        v with { Available = e.BalanceAfter, Held = e.HeldAfter, LastMovementAt = e.ReleasedAt };

    public ChestView Apply(ChestPointsCaptured e, ChestView v) =>
        v with { Available = e.BalanceAfter, Held = e.HeldAfter, Granted = v.Granted + e.Points, LastMovementAt = e.CapturedAt };

    public ChestView Apply(ChestPointsRefunded e, ChestView v) =>
        v with { Available = e.BalanceAfter, Granted = v.Granted - e.Points, LastMovementAt = e.RefundedAt };
}
