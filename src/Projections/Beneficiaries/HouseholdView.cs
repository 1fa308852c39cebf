using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Beneficiaries;

namespace QunTuan.Projections.Beneficiaries;

public sealed record HouseholdView(
    Guid Id,
    Guid CommunityId,
    string Label,
    string Grid,
    HouseholdCircumstance Circumstance,
    Instant RegisteredAt,
    string RegisteredBy);

public sealed partial class HouseholdViewProjection : SingleStreamProjection<HouseholdView, Guid>
{
    public HouseholdView Create(HouseholdRegistered e) =>
        new(e.HouseholdId, e.CommunityId, e.Label, e.Grid, e.Circumstance, e.RegisteredAt, e.RegisteredBy);
}
