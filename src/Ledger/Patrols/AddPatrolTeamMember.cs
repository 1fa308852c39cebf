using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Patrols;

public sealed record AddPatrolTeamMember(Guid TeamId, Guid VolunteerId, PatrolTeamRole Role, string Actor);

public static class AddPatrolTeamMemberDecider
{
    public static PatrolTeamMemberJoined Decide(AddPatrolTeamMember command, PatrolTeam team,
        IReadOnlyDictionary<Guid, Guid> volunteerCommunities, Instant now)
    {
        PatrolVolunteers.EnsureIn(team.CommunityId, command.VolunteerId, volunteerCommunities, "volunteerId");
        if (team.Has(command.VolunteerId))
            throw LedgerRuleViolation.Conflict("already_team_member",
                $"志愿者 {command.VolunteerId} 已在巡防队中 / volunteer {command.VolunteerId} is already on the team",
                "volunteerId");
        if (team.Size >= PatrolTeam.MaxSize)
            throw LedgerRuleViolation.Conflict("team_full",
                $"巡防队已满 {PatrolTeam.MaxSize} 人 / the team already has {PatrolTeam.MaxSize} people");
        return new PatrolTeamMemberJoined(team.Id, command.VolunteerId, command.Role, now, command.Actor);
    }
}

public static class AddPatrolTeamMemberHandler
{
    public static async Task<PatrolTeamMemberJoined> Handle(AddPatrolTeamMember command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        // Exclusive: two people added at once must both land, and the size limit must see both.
        var stream = await session.Events.FetchForExclusiveWriting<PatrolTeam>(command.TeamId, ct);
        var team = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("patrol_team", command.TeamId);
        var communities = await PatrolVolunteers.CommunitiesOf(session, [command.VolunteerId], ct);
        var joined = AddPatrolTeamMemberDecider.Decide(command, team, communities, clock.GetCurrentInstant());
        stream.AppendOne(joined);
        return joined;
    }
}
