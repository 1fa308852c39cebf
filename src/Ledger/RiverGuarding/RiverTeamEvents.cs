using NodaTime;

namespace QunTuan.Ledger.RiverGuarding;

// A river-guard team's stream: who is on the team and which stretches of river it looks after. Patrols and
// findings have streams of their own, so the team stream stays short.

/// <summary>A stretch of river a team guards. Its id is unique across teams: coverage is kept per segment.</summary>
public sealed record RiverSegment(Guid SegmentId, string Name, int LengthMetres);

/// <summary>
/// A community formed a river-guard team (护河队, 河小二) with its first members and segments. A street team
/// (<see cref="RiverTeamScope.Street"/>) names the street and city it recruits from; teams formed before street
/// teams existed carry no scope and are community teams.
/// </summary>
public sealed record RiverTeamFormed(
    Guid TeamId,
    Guid CommunityId,
    string Name,
    Guid[] Members,
    RiverSegment[] Segments,
    Instant FormedAt,
    string FormedBy,
    RiverTeamScope Scope = RiverTeamScope.Community,
    string? City = null,
    string? Street = null);

/// <summary>A volunteer of the team's community (or, for a street team, of its street) joined the team.</summary>
public sealed record RiverTeamMemberJoined(Guid TeamId, Guid VolunteerId, Instant JoinedAt, string JoinedBy);

/// <summary>The team took on another stretch of river.</summary>
public sealed record RiverSegmentAdded(
    Guid TeamId,
    Guid SegmentId,
    string Name,
    int LengthMetres,
    Instant AddedAt,
    string AddedBy);
