using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.RiverGuarding;

namespace QunTuan.Projections.RiverGuarding;

public sealed record RiverTeamMemberView(Guid VolunteerId, Instant JoinedAt);

public sealed record RiverSegmentView(Guid SegmentId, string Name, int LengthMetres, Instant AddedAt);

/// <summary>A river-guard team with its members and segments, in the order they joined or were added. A street
/// team shows the street and city it recruits from; <see cref="CommunityId"/> is its host community.</summary>
public sealed record RiverTeamView(
    Guid Id,
    Guid CommunityId,
    string Name,
    RiverTeamMemberView[] Members,
    RiverSegmentView[] Segments,
    Instant FormedAt,
    string FormedBy,
    RiverTeamScope Scope = RiverTeamScope.Community,
    string? City = null,
    string? Street = null);

public sealed partial class RiverTeamViewProjection : SingleStreamProjection<RiverTeamView, Guid>
{
    public RiverTeamView Create(RiverTeamFormed e) =>
        new(e.TeamId, e.CommunityId, e.Name,
            e.Members.Select(m => new RiverTeamMemberView(m, e.FormedAt)).ToArray(),
            e.Segments.Select(s => new RiverSegmentView(s.SegmentId, s.Name, s.LengthMetres, e.FormedAt)).ToArray(),
            e.FormedAt, e.FormedBy, e.Scope, e.City, e.Street);

    public RiverTeamView Apply(RiverTeamMemberJoined e, RiverTeamView v) =>
        v with { Members = [.. v.Members, new RiverTeamMemberView(e.VolunteerId, e.JoinedAt)] };

    public RiverTeamView Apply(RiverSegmentAdded e, RiverTeamView v) =>
        v with { Segments = [.. v.Segments, new RiverSegmentView(e.SegmentId, e.Name, e.LengthMetres, e.AddedAt)] };
}
