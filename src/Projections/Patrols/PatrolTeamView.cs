using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Patrols;

namespace QunTuan.Projections.Patrols;

public sealed record PatrolTeamMemberView(Guid VolunteerId, PatrolTeamRole Role, Instant JoinedAt, string AddedBy);

/// <summary>A patrol team and its roster, organizers first, each in the order they joined.</summary>
public sealed record PatrolTeamView(
    Guid Id,
    Guid CommunityId,
    string Name,
    IReadOnlyList<PatrolTeamMemberView> Roster,
    int Size,
    Instant FormedAt,
    string FormedBy);

public sealed partial class PatrolTeamViewProjection : SingleStreamProjection<PatrolTeamView, Guid>
{
    public PatrolTeamView Create(PatrolTeamFormed e)
    {
        var roster = e.OrganizerIds.Select(id => new PatrolTeamMemberView(id, PatrolTeamRole.Organizer, e.FormedAt, e.FormedBy))
            .Concat(e.MemberIds.Select(id => new PatrolTeamMemberView(id, PatrolTeamRole.Member, e.FormedAt, e.FormedBy)))
            .ToList();
        return new PatrolTeamView(e.TeamId, e.CommunityId, e.Name, roster, roster.Count, e.FormedAt, e.FormedBy);
    }

    public PatrolTeamView Apply(PatrolTeamMemberJoined e, PatrolTeamView v)
    {
        var joined = new PatrolTeamMemberView(e.VolunteerId, e.Role, e.JoinedAt, e.JoinedBy);
        var roster = e.Role == PatrolTeamRole.Organizer
            ? [..v.Roster.Where(m => m.Role == PatrolTeamRole.Organizer), joined,
                ..v.Roster.Where(m => m.Role != PatrolTeamRole.Organizer)]
            : v.Roster.Append(joined).ToList();
        return v with { Roster = roster, Size = roster.Count };
    }
}
