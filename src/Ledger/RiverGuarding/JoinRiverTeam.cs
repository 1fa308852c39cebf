using Marten;
using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.RiverGuarding;

public sealed record JoinRiverTeam(Guid TeamId, Guid VolunteerId, string Actor);

public static class JoinRiverTeamDecider
{
    /// <param name="volunteerStreet">Where the volunteer's own community lies.</param>
    public static RiverTeamMemberJoined Decide(JoinRiverTeam command, RiverTeam team, VolunteerAccount? volunteer,
        CommunityStreet? volunteerStreet, Instant now)
    {
        RiverTeamRules.EnsureEligible(command.VolunteerId, volunteer, team.CommunityId, team.Street, volunteerStreet,
            "volunteerId");
        if (team.HasMember(command.VolunteerId))
            throw LedgerRuleViolation.Conflict("already_member",
                $"志愿者 {command.VolunteerId} 已是队员 / volunteer {command.VolunteerId} is already on the team",
                "volunteerId");
        if (team.Members.Count >= RiverTeamRules.MaxMembers)
            throw LedgerRuleViolation.Conflict("river_team_full",
                $"护河队最多 {RiverTeamRules.MaxMembers} 名队员 / a team has at most {RiverTeamRules.MaxMembers} members");
        return new RiverTeamMemberJoined(team.Id, command.VolunteerId, now, command.Actor);
    }
}

public static class JoinRiverTeamHandler
{
    public static async Task<RiverTeamMemberJoined> Handle(JoinRiverTeam command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<RiverTeam>(command.TeamId, ct);
        var team = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("river_team", command.TeamId);
        var volunteer = await session.Events.FetchLatest<VolunteerAccount>(command.VolunteerId, ct);
        var volunteerStreet = volunteer is null
            ? null
            : (await CommunityStreets.Of(session, [volunteer.CommunityId], ct)).GetValueOrDefault(volunteer.CommunityId);
        var joined = JoinRiverTeamDecider.Decide(command, team, volunteer, volunteerStreet, clock.GetCurrentInstant());
        stream.AppendOne(joined);
        return joined;
    }
}
