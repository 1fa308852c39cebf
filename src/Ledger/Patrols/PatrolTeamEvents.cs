using NodaTime;

namespace QunTuan.Ledger.Patrols;

/// <summary>What a volunteer does in a patrol team: organizers run its shifts, members walk them.</summary>
public enum PatrolTeamRole
{
    Member,    // 队员
    Organizer  // 组织者
}

/// <summary>A patrol team (巡防队) of one community was formed. Every volunteer on it is registered in that
/// community; each appears once, either as an organizer or as a member.</summary>
public sealed record PatrolTeamFormed(
    Guid TeamId,
    Guid CommunityId,
    string Name,
    Guid[] OrganizerIds,
    Guid[] MemberIds,
    Instant FormedAt,
    string FormedBy);

/// <summary>A volunteer of the team's community joined the team.</summary>
public sealed record PatrolTeamMemberJoined(
    Guid TeamId,
    Guid VolunteerId,
    PatrolTeamRole Role,
    Instant JoinedAt,
    string JoinedBy);
