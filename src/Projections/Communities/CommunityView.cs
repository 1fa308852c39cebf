using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Communities;

namespace QunTuan.Projections.Communities;

public sealed record CommunityView(
    Guid Id,
    string Code,
    string NameZh,
    string NameEn,
    string City,
    string Street,
    int PermanentResidents,
    Instant RegisteredAt);

public sealed partial class CommunityViewProjection : SingleStreamProjection<CommunityView, Guid>
{
    public CommunityView Create(CommunityRegistered e) =>
        new(e.CommunityId, e.Code, e.NameZh, e.NameEn, e.City, e.Street, e.PermanentResidents,
            e.RegisteredAt);
}
