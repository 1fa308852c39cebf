using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Patrols;

/// <summary>Checks a volunteer out, by the organizer or by the volunteer themself.</summary>
public sealed record CheckOutOfPatrolShift(Guid ShiftId, Guid VolunteerId, string Actor);

public static class CheckOutOfPatrolShiftDecider
{
    public static PatrolCheckedOut Decide(CheckOutOfPatrolShift command, PatrolShift shift, Instant now)
    {
        shift.EnsureOpen();
        if (!shift.Participants.TryGetValue(command.VolunteerId, out var participation))
            throw LedgerRuleViolation.Conflict("not_checked_in",
                $"志愿者 {command.VolunteerId} 未签到 / volunteer {command.VolunteerId} has not checked in",
                "volunteerId");
        if (participation.CheckedOutAt is not null)
            throw LedgerRuleViolation.Conflict("already_checked_out",
                $"志愿者 {command.VolunteerId} 已签退 / volunteer {command.VolunteerId} has already checked out",
                "volunteerId");
        return new PatrolCheckedOut(shift.Id, command.VolunteerId, now, command.Actor);
    }
}

public static class CheckOutOfPatrolShiftHandler
{
    public static async Task<PatrolCheckedOut> Handle(CheckOutOfPatrolShift command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<PatrolShift>(command.ShiftId, ct);
        var shift = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("patrol_shift", command.ShiftId);
        var checkedOut = CheckOutOfPatrolShiftDecider.Decide(command, shift, clock.GetCurrentInstant());
        stream.AppendOne(checkedOut);
        return checkedOut;
    }
}
