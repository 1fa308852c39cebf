using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Projections.Volunteers;

public sealed record VolunteerProfile(
    Guid Id,
    Guid CommunityId,
    string DisplayName,
    string Grid,
    Affiliation[] Affiliations,
    Instant RegisteredAt,
    string RegisteredBy);

public sealed partial class VolunteerProfileProjection : SingleStreamProjection<VolunteerProfile, Guid>
{
    public VolunteerProfile Create(VolunteerRegistered e) =>
        new(e.VolunteerId, e.CommunityId, e.DisplayName, e.Grid, e.Affiliations, e.RegisteredAt, e.RegisteredBy);
}
