using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Projections.Volunteers;

/// <summary>A volunteer's registration as the events tell it. The name is personal data: the API joins it
/// from <see cref="VolunteerPersonalData"/>, and after erasure shows a former resident instead.</summary>
public sealed record VolunteerProfile(
    Guid Id,
    Guid CommunityId,
    string Grid,
    Affiliation[] Affiliations,
    Instant RegisteredAt,
    string RegisteredBy,
    Instant? ErasedAt = null);

public sealed partial class VolunteerProfileProjection : SingleStreamProjection<VolunteerProfile, Guid>
{
    public VolunteerProfile Create(VolunteerRegistered e) =>
        new(e.VolunteerId, e.CommunityId, e.Grid, e.Affiliations, e.RegisteredAt, e.RegisteredBy);

    public VolunteerProfile Apply(VolunteerErased e, VolunteerProfile profile) => profile with { ErasedAt = e.ErasedAt };
}
