using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Patrols;

public sealed record RecordPatrolIncident(
    Guid ShiftId,
    Guid IncidentId,
    PatrolIncidentKind Kind,
    string Description,
    string Actor);

public static class RecordPatrolIncidentDecider
{
    public static PatrolIncidentRecorded Decide(RecordPatrolIncident command, PatrolShift shift, Instant now)
    {
        shift.EnsureOpen();
        var description = PersonalDataGuard.Text(command.Description, "description", 500, required: true)!;
        return new PatrolIncidentRecorded(shift.Id, command.IncidentId, command.Kind, description, now, command.Actor);
    }
}

public static class RecordPatrolIncidentHandler
{
    public static async Task<PatrolIncidentRecorded> Handle(RecordPatrolIncident command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        // Exclusive, like every change to a shift: an incident must not slip in after the close.
        var stream = await session.Events.FetchForExclusiveWriting<PatrolShift>(command.ShiftId, ct);
        var shift = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("patrol_shift", command.ShiftId);
        var recorded = RecordPatrolIncidentDecider.Decide(command, shift, clock.GetCurrentInstant());
        stream.AppendOne(recorded);
        return recorded;
    }
}
