using System.Collections.Immutable;

namespace QunTuan.Ledger.Patrols;

/// <summary>Decision state of a patrol team: who is on it, and in which role.</summary>
public sealed record PatrolTeam(
    Guid Id,
    Guid CommunityId,
    string Name,
    ImmutableHashSet<Guid> Organizers,
    ImmutableHashSet<Guid> Members)
{
    /// <summary>A team is a neighbourhood crew, not a mailing list: it stays small enough to run shifts.</summary>
    public const int MaxSize = 200;

    public int Size => Organizers.Count + Members.Count;

    public bool Has(Guid volunteerId) => Organizers.Contains(volunteerId) || Members.Contains(volunteerId);

    public static PatrolTeam Create(PatrolTeamFormed e) =>
        new(e.TeamId, e.CommunityId, e.Name, [..e.OrganizerIds], [..e.MemberIds]);

    public PatrolTeam Apply(PatrolTeamMemberJoined e) =>
        e.Role == PatrolTeamRole.Organizer
            ? this with { Organizers = Organizers.Add(e.VolunteerId) }
            : this with { Members = Members.Add(e.VolunteerId) };
}
