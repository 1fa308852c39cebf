using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Projections.Volunteers;

/// <summary>
/// A volunteer's account at a glance. <see cref="Available"/> = <see cref="LifetimeEarned"/> −
/// <see cref="LifetimeRedeemed"/> − <see cref="Held"/>. Service minutes are kept apart: hours are permanent,
/// points are spent.
/// </summary>
public sealed record VolunteerBalance(
    Guid Id,
    Guid CommunityId,
    int Available,
    int Held,
    int LifetimeEarned,
    int LifetimeRedeemed,
    int LifetimeServiceMinutes,
    Instant? LastMovementAt);

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
}
