using Marten;
using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.RiverGuarding;

public sealed record SegmentSpec(Guid SegmentId, string Name, int LengthMetres);

/// <summary>Forms a team hosted by <see cref="CommunityId"/>. A <see cref="RiverTeamScope.Street"/> team may take
/// members from every community of the host's street and city.</summary>
public sealed record FormRiverTeam(
    Guid TeamId,
    Guid CommunityId,
    string Name,
    IReadOnlyList<Guid> Members,
    IReadOnlyList<SegmentSpec> Segments,
    string Actor,
    RiverTeamScope Scope = RiverTeamScope.Community);

public static class FormRiverTeamDecider
{
    /// <param name="volunteers">The registered volunteers among the proposed members, by id.</param>
    /// <param name="streets">Where the host community and the members' communities lie, by community id.</param>
    /// <param name="takenSegmentIds">Proposed segment ids that another team already guards.</param>
    public static RiverTeamFormed Decide(FormRiverTeam command, bool teamExists,
        IReadOnlyDictionary<Guid, VolunteerAccount> volunteers, IReadOnlyDictionary<Guid, CommunityStreet> streets,
        IReadOnlySet<Guid> takenSegmentIds, Instant now)
    {
        if (teamExists)
            throw LedgerRuleViolation.Conflict("river_team_exists",
                $"护河队 {command.TeamId} 已存在 / river team {command.TeamId} already exists", "teamId");
        var name = PersonalDataGuard.Text(command.Name, "name", RiverTeamRules.MaxNameLength, required: true)!;
        if (!Enum.IsDefined(command.Scope))
            throw LedgerRuleViolation.Invalid("unknown_team_scope",
                "护河队范围须为 community（社区）或 street（街道） / scope must be community or street", "scope");
        var street = command.Scope == RiverTeamScope.Street
            ? streets.GetValueOrDefault(command.CommunityId)
              ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId, "communityId")
            : null;

        if (command.Members.Count is 0 or > RiverTeamRules.MaxMembers)
            throw LedgerRuleViolation.Invalid("members_out_of_range",
                $"护河队须有 1 到 {RiverTeamRules.MaxMembers} 名队员 / a team needs 1 to {RiverTeamRules.MaxMembers} members",
                "members");
        for (var i = 0; i < command.Members.Count; i++)
        {
            var member = command.Members[i];
            if (command.Members.Take(i).Contains(member))
                throw LedgerRuleViolation.Invalid("duplicate_member",
                    $"队员 {member} 重复 / member {member} is listed twice", $"members[{i}]");
            var volunteer = volunteers.GetValueOrDefault(member);
            RiverTeamRules.EnsureEligible(member, volunteer, command.CommunityId, street,
                volunteer is null ? null : streets.GetValueOrDefault(volunteer.CommunityId), $"members[{i}]");
        }

        if (command.Segments.Count is 0 or > RiverTeamRules.MaxSegments)
            throw LedgerRuleViolation.Invalid("segments_out_of_range",
                $"护河队须负责 1 到 {RiverTeamRules.MaxSegments} 个河段 / a team guards 1 to {RiverTeamRules.MaxSegments} segments",
                "segments");
        var segments = new List<RiverSegment>();
        for (var i = 0; i < command.Segments.Count; i++)
        {
            var spec = command.Segments[i];
            segments.Add(RiverTeamRules.Segment(spec.SegmentId, spec.Name, spec.LengthMetres, takenSegmentIds,
                segments, $"segments[{i}]"));
        }

        return new RiverTeamFormed(command.TeamId, command.CommunityId, name, [.. command.Members], [.. segments], now,
            command.Actor, command.Scope, street?.City, street?.Street);
    }
}

public static class FormRiverTeamHandler
{
    public static async Task<RiverTeamFormed> Handle(FormRiverTeam command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        _ = await session.Events.FetchLatest<Community>(command.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId, "communityId");
        var exists = await session.Events.FetchStreamStateAsync(command.TeamId, ct) is not null;
        var volunteers = (await session.LoadManyAsync<VolunteerAccount>(ct, command.Members.Distinct()))
            .ToDictionary(v => v.Id);
        var streets = await CommunityStreets.Of(session,
            volunteers.Values.Select(v => v.CommunityId).Append(command.CommunityId), ct);
        var taken = await RiverTeamRules.TakenSegmentIds(session, command.Segments.Select(s => s.SegmentId), ct);

        var formed = FormRiverTeamDecider.Decide(command, exists, volunteers, streets, taken,
            clock.GetCurrentInstant());
        session.Events.StartStream<RiverTeam>(formed.TeamId, formed);
        return formed;
    }
}
