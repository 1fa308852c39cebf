using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Communities;

namespace QunTuan.Projections.Communities;

/// <summary>A community, with the points policy in force (redemption windows, expiry).</summary>
public sealed record CommunityView(
    Guid Id,
    string Code,
    string NameZh,
    string NameEn,
    string City,
    string Street,
    int PermanentResidents,
    Instant RegisteredAt,
    PointsPolicy? PointsPolicy = null);

public sealed partial class CommunityViewProjection : SingleStreamProjection<CommunityView, Guid>
{
    public CommunityView Create(CommunityRegistered e) =>
        new(e.CommunityId, e.Code, e.NameZh, e.NameEn, e.City, e.Street, e.PermanentResidents,
            e.RegisteredAt, PointsPolicy.Default);

    public CommunityView Apply(PointsPolicySet e, CommunityView v) =>
        v with { PointsPolicy = new PointsPolicy(e.DecisionWindow, e.CollectionWindow, e.ExpireAfterYears) };
}
