using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.RiverGuarding;

public sealed record AddRiverSegment(Guid TeamId, Guid SegmentId, string Name, int LengthMetres, string Actor);

public static class AddRiverSegmentDecider
{
    public static RiverSegmentAdded Decide(AddRiverSegment command, RiverTeam team, IReadOnlySet<Guid> takenSegmentIds,
        Instant now)
    {
        var segment = RiverTeamRules.Segment(command.SegmentId, command.Name, command.LengthMetres, takenSegmentIds,
            team.Segments, "");
        if (team.Segments.Count >= RiverTeamRules.MaxSegments)
            throw LedgerRuleViolation.Conflict("river_team_segments_full",
                $"护河队最多负责 {RiverTeamRules.MaxSegments} 个河段 / a team guards at most {RiverTeamRules.MaxSegments} segments");
        return new RiverSegmentAdded(team.Id, segment.SegmentId, segment.Name, segment.LengthMetres, now, command.Actor);
    }
}

public static class AddRiverSegmentHandler
{
    public static async Task<RiverSegmentAdded> Handle(AddRiverSegment command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<RiverTeam>(command.TeamId, ct);
        var team = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("river_team", command.TeamId);
        var taken = await RiverTeamRules.TakenSegmentIds(session, [command.SegmentId], ct);
        var added = AddRiverSegmentDecider.Decide(command, team, taken, clock.GetCurrentInstant());
        stream.AppendOne(added);
        return added;
    }
}
