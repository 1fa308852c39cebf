using JasperFx.Events;
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
    Instant? LastMovementAt,
    long Version);

public sealed partial class VolunteerBalanceProjection : SingleStreamProjection<VolunteerBalance, Guid>
{
    public VolunteerBalance Create(IEvent<VolunteerRegistered> e) =>
        new(e.Data.VolunteerId, e.Data.CommunityId, 0, 0, 0, 0, 0, null, e.Version);

    public VolunteerBalance Apply(IEvent<PointsCredited> e, VolunteerBalance b) =>
        b with
        {
            Available = e.Data.BalanceAfter,
            LifetimeEarned = b.LifetimeEarned + e.Data.Points,
            LifetimeServiceMinutes = b.LifetimeServiceMinutes + e.Data.Minutes,
            LastMovementAt = e.Data.CreditedAt,
            Version = e.Version
        };

    public VolunteerBalance Apply(IEvent<ServiceCreditReversed> e, VolunteerBalance b) =>
        b with
        {
            Available = e.Data.BalanceAfter,
            LifetimeEarned = b.LifetimeEarned - e.Data.Points,
            LifetimeServiceMinutes = b.LifetimeServiceMinutes - e.Data.Minutes,
            LastMovementAt = e.Data.ReversedAt,
            Version = e.Version
        };

    public VolunteerBalance Apply(IEvent<PointsAdjusted> e, VolunteerBalance b) =>
        b with
        {
            Available = e.Data.BalanceAfter,
            LifetimeEarned = b.LifetimeEarned + e.Data.Points,
            LastMovementAt = e.Data.AdjustedAt,
            Version = e.Version
        };
}
