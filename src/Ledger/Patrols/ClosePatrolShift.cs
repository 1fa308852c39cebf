using Marten;
using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Patrols;

/// <param name="CreditNow">True when office staff close the shift: every record is credited at once. False when
/// an organizer closes it: the records wait in the office queue.</param>
public sealed record ClosePatrolShift(Guid ShiftId, bool CreditNow, string Actor);

/// <summary>What closing did: the close itself, and the service record of each credited participant.</summary>
public sealed record PatrolShiftClosure(PatrolShiftClosed Closed, IReadOnlyList<RecordSubmitted> Records);

public static class ClosePatrolShiftDecider
{
    /// <summary>
    /// Counts each participant's minutes inside the planned window (a missing check-out ends at the close, and
    /// never after the planned end) and decides who earns a record: everyone at or above the minimum of the
    /// rule in force on the service date.
    /// </summary>
    public static PatrolShiftClosed Decide(ClosePatrolShift command, PatrolShift shift, Activity activity, Instant now)
    {
        shift.EnsureOpen();
        var rule = activity.RuleOn(shift.ServiceDate)
            ?? throw LedgerRuleViolation.Invalid("no_rule_in_force",
                $"{shift.ServiceDate:uuuu-MM-dd} 时 {activity.Code} 尚无计分规则 / no point rule of {activity.Code} was in force on {shift.ServiceDate:uuuu-MM-dd}");
        var minimum = Math.Max(1, rule.Rule.MinimumMinutes ?? 1);

        var outcomes = shift.Participants
            .OrderBy(p => p.Key)
            .Select(p =>
            {
                var minutes = PatrolTime.CountedMinutes(shift.PlannedStart, shift.PlannedEnd, p.Value.CheckedInAt,
                    p.Value.CheckedOutAt, now);
                return minutes >= minimum
                    ? new PatrolParticipantOutcome(p.Key, minutes, shift.RecordIdFor(p.Key), null)
                    : new PatrolParticipantOutcome(p.Key, minutes, null, PatrolNotCreditedReason.BelowMinimum);
            })
            .ToArray();
        return new PatrolShiftClosed(shift.Id, command.CreditNow, minimum, outcomes, now, command.Actor);
    }

    /// <summary>The service record a credited participant's time becomes, through the one crediting path.</summary>
    public static SubmitServiceRecord RecordFor(PatrolShift shift, PatrolParticipantOutcome outcome, bool creditNow,
        string actor) =>
        new(outcome.RecordId ?? throw new InvalidOperationException("a participant who was not credited has no record"),
            outcome.VolunteerId, shift.ActivityCode, shift.ServiceDate, outcome.CountedMinutes, 1,
            "平安巡防 / safety patrol shift", creditNow, actor, new ServiceOrigin(ServiceOrigin.PatrolShift, shift.Id));
}

public static class ClosePatrolShiftHandler
{
    public static async Task<PatrolShiftClosure> Handle(ClosePatrolShift command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        // Lock order: the shift first (a second close waits here and then finds it closed), then each account
        // in ascending id order as the book credits them, the same order every multi-account writer uses.
        var stream = await session.Events.FetchForExclusiveWriting<PatrolShift>(command.ShiftId, ct);
        var shift = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("patrol_shift", command.ShiftId);
        shift.EnsureOpen();
        var activity = await session.Events.FetchLatest<Activity>(DeterministicId.ForActivity(shift.ActivityCode), ct)
            ?? throw LedgerRuleViolation.NotFound("activity", shift.ActivityCode);
        var now = clock.GetCurrentInstant();
        var closed = ClosePatrolShiftDecider.Decide(command, shift, activity, now);

        var records = new List<RecordSubmitted>();
        foreach (var outcome in closed.Participants.Where(p => p.RecordId is not null).OrderBy(p => p.VolunteerId))
            records.Add(await ServiceRecordBook.Record(session,
                ClosePatrolShiftDecider.RecordFor(shift, outcome, command.CreditNow, command.Actor), now, ct));

        stream.AppendOne(closed);
        return new PatrolShiftClosure(closed, records);
    }
}
