using System.Collections.Immutable;
using QunTuan.Ledger.Communities;

namespace QunTuan.Ledger.RiverGuarding;

/// <summary>Decision state of a river-guard team: its community, members and segments. <see cref="Street"/> is
/// set for a street team only: the street whose communities' volunteers may join.</summary>
public sealed record RiverTeam(
    Guid Id,
    Guid CommunityId,
    string Name,
    ImmutableList<Guid> Members,
    ImmutableList<RiverSegment> Segments,
    CommunityStreet? Street = null)
{
    public static RiverTeam Create(RiverTeamFormed e) => new(e.TeamId, e.CommunityId, e.Name, [.. e.Members],
        [.. e.Segments],
        e is { Scope: RiverTeamScope.Street, City: { } city, Street: { } street } ? new CommunityStreet(city, street) : null);

    public RiverTeam Apply(RiverTeamMemberJoined e) => this with { Members = Members.Add(e.VolunteerId) };

    public RiverTeam Apply(RiverSegmentAdded e) =>
        this with { Segments = Segments.Add(new RiverSegment(e.SegmentId, e.Name, e.LengthMetres)) };

    public bool HasMember(Guid volunteerId) => Members.Contains(volunteerId);

    public RiverSegment? Segment(Guid segmentId) => Segments.Find(s => s.SegmentId == segmentId);
}
