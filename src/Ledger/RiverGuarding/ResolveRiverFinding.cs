using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.RiverGuarding;

public sealed record ResolveRiverFinding(Guid FindingId, string Note, string Actor);

public static class ResolveRiverFindingDecider
{
    public static RiverFindingResolved Decide(ResolveRiverFinding command, RiverFinding finding, Instant now)
    {
        if (finding.Resolved)
            throw LedgerRuleViolation.Conflict("river_finding_already_resolved",
                "该问题已处理完毕 / the finding was already resolved");
        var note = PersonalDataGuard.Text(command.Note, "note", RecordRiverPatrolDecider.MaxNoteLength, required: true)!;
        return new RiverFindingResolved(finding.Id, finding.TeamId, finding.SegmentId, note, now, command.Actor);
    }
}

public static class ResolveRiverFindingHandler
{
    public static async Task<RiverFindingResolved> Handle(ResolveRiverFinding command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        // The finding names its team, so the route needs only the finding. Locking the team first keeps one lock
        // order (team, then finding) and serializes every write to the segment's coverage document, which an
        // inline multi-stream projection would otherwise overwrite with whichever transaction commits last.
        var known = await session.Events.FetchLatest<RiverFinding>(command.FindingId, ct)
            ?? throw LedgerRuleViolation.NotFound("river_finding", command.FindingId);
        await session.Events.FetchForExclusiveWriting<RiverTeam>(known.TeamId, ct);
        var stream = await session.Events.FetchForExclusiveWriting<RiverFinding>(command.FindingId, ct);
        var finding = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("river_finding", command.FindingId);

        var resolved = ResolveRiverFindingDecider.Decide(command, finding, clock.GetCurrentInstant());
        stream.AppendOne(resolved);
        return resolved;
    }
}
