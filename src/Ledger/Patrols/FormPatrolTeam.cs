using Marten;
using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Patrols;

public sealed record FormPatrolTeam(
    Guid TeamId,
    Guid CommunityId,
    string Name,
    IReadOnlyList<Guid> OrganizerIds,
    IReadOnlyList<Guid> MemberIds,
    string Actor);

public static class FormPatrolTeamDecider
{
    /// <param name="volunteerCommunities">The community of every registered volunteer the command names.</param>
    public static PatrolTeamFormed Decide(FormPatrolTeam command, bool teamExists,
        IReadOnlyDictionary<Guid, Guid> volunteerCommunities, Instant now)
    {
        if (teamExists)
            throw LedgerRuleViolation.Conflict("patrol_team_exists",
                $"巡防队 {command.TeamId} 已存在 / patrol team {command.TeamId} already exists", "teamId");
        var name = PersonalDataGuard.Text(command.Name, "name", 40, required: true)!;
        if (command.OrganizerIds.Count == 0)
            throw LedgerRuleViolation.Invalid("organizer_required",
                "巡防队至少要有一名组织者 / a patrol team needs at least one organizer", "organizerIds");
        if (command.OrganizerIds.Count + command.MemberIds.Count > PatrolTeam.MaxSize)
            throw LedgerRuleViolation.Invalid("team_too_large",
                $"巡防队最多 {PatrolTeam.MaxSize} 人 / a patrol team has at most {PatrolTeam.MaxSize} people",
                "memberIds");

        var seen = new HashSet<Guid>();
        foreach (var (ids, field) in new[] { (command.OrganizerIds, "organizerIds"), (command.MemberIds, "memberIds") })
            foreach (var id in ids)
            {
                if (!seen.Add(id))
                    throw LedgerRuleViolation.Invalid("duplicate_volunteer",
                        $"志愿者 {id} 在名单中出现了两次 / volunteer {id} is listed twice", field);
                PatrolVolunteers.EnsureIn(command.CommunityId, id, volunteerCommunities, field);
            }

        return new PatrolTeamFormed(command.TeamId, command.CommunityId, name, [..command.OrganizerIds],
            [..command.MemberIds], now, command.Actor);
    }
}

public static class FormPatrolTeamHandler
{
    public static async Task<PatrolTeamFormed> Handle(FormPatrolTeam command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        _ = await session.Events.FetchLatest<Community>(command.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId, "community");
        var existing = await session.Events.FetchStreamStateAsync(command.TeamId, ct);
        var communities = await PatrolVolunteers.CommunitiesOf(session,
            command.OrganizerIds.Concat(command.MemberIds), ct);
        var formed = FormPatrolTeamDecider.Decide(command, existing is not null, communities,
            clock.GetCurrentInstant());
        session.Events.StartStream<PatrolTeam>(formed.TeamId, formed);
        return formed;
    }
}
