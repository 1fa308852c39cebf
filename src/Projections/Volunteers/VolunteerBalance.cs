using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Projections.Volunteers;

/// <summary>
/// A volunteer's account at a glance. <see cref="Available"/> = <see cref="LifetimeEarned"/> −
/// <see cref="LifetimeRedeemed"/> − <see cref="LifetimeDonated"/> − <see cref="LifetimeExpired"/> − <see cref="Held"/>,
/// and never below zero. Service minutes are kept apart: hours are permanent, points are spent.
/// </summary>
public sealed record VolunteerBalance(
    Guid Id,
    Guid CommunityId,
    int Available,
    int Held,
    int LifetimeEarned,
    int LifetimeRedeemed,
    int LifetimeServiceMinutes,
    Instant? LastMovementAt,
    int LifetimeDonated = 0,
    int LifetimeExpired = 0);

public sealed partial class VolunteerBalanceProjection : SingleStreamProjection<VolunteerBalance, Guid>
{
    public VolunteerBalance Create(VolunteerRegistered e) =>
        new(e.VolunteerId, e.CommunityId, 0, 0, 0, 0, 0, null);

    public VolunteerBalance Apply(PointsCredited e, VolunteerBalance b) =>
        b with
        {
            Available = e.BalanceAfter,
            LifetimeEarned = b.LifetimeEarned + e.Points,
            LifetimeServiceMinutes = b.LifetimeServiceMinutes + e.Minutes,
            LastMovementAt = e.CreditedAt
        };

    public VolunteerBalance Apply(ServiceCreditReversed e, VolunteerBalance b) =>
        b with
        {
            Available = e.BalanceAfter,
            LifetimeEarned = b.LifetimeEarned - e.Points,
            LifetimeServiceMinutes = b.LifetimeServiceMinutes - e.Minutes,
            LastMovementAt = e.ReversedAt
        };

    public VolunteerBalance Apply(PointsAdjusted e, VolunteerBalance b) =>
        b with
        {
            Available = e.BalanceAfter,
            LifetimeEarned = b.LifetimeEarned + e.Points,
            LastMovementAt = e.AdjustedAt
        };

    public VolunteerBalance Apply(PointsHeld e, VolunteerBalance b) =>
        b with { Available = e.BalanceAfter, Held = e.HeldAfter, LastMovementAt = e.HeldAt };

    public VolunteerBalance Apply(PointsReleased e, VolunteerBalance b) =>
        b with { Available = e.BalanceAfter, Held = e.HeldAfter, LastMovementAt = e.ReleasedAt };

    public VolunteerBalance Apply(PointsCaptured e, VolunteerBalance b) =>
        b with
        {
            Available = e.BalanceAfter,
            Held = e.HeldAfter,
            LifetimeRedeemed = b.LifetimeRedeemed + e.Points,
            LastMovementAt = e.CapturedAt
        };

    public VolunteerBalance Apply(PointsRefunded e, VolunteerBalance b) =>
        b with
        {
            Available = e.BalanceAfter,
            LifetimeRedeemed = b.LifetimeRedeemed - e.Points,
            LastMovementAt = e.RefundedAt
        };

    public VolunteerBalance Apply(PointsDonated e, VolunteerBalance b) =>
        b with
        {
            Available = e.BalanceAfter,
            LifetimeDonated = b.LifetimeDonated + e.Points,
            LastMovementAt = e.DonatedAt
        };

    public VolunteerBalance Apply(PointsExpired e, VolunteerBalance b) =>
        b with
        {
            Available = e.BalanceAfter,
            LifetimeExpired = b.LifetimeExpired + e.Points,
            LastMovementAt = e.ExpiredAt
        };
}
