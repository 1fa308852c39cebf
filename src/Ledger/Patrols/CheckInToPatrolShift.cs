using System.Security.Cryptography;
using System.Text;
using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Patrols;

/// <summary>
/// Checks a volunteer in. With a <see cref="Code"/> it is the volunteer checking themself in, which only works
/// inside the self check-in window; without one it is the organizer, who may do it until the shift closes.
/// </summary>
public sealed record CheckInToPatrolShift(Guid ShiftId, Guid VolunteerId, string? Code, string Actor);

public static class CheckInToPatrolShiftDecider
{
    /// <param name="volunteerCommunities">The community of the volunteer, when registered.</param>
    public static PatrolCheckedIn Decide(CheckInToPatrolShift command, PatrolShift shift,
        IReadOnlyDictionary<Guid, Guid> volunteerCommunities, Instant now)
    {
        shift.EnsureOpen();
        var method = CheckInMethod.Organizer;
        if (command.Code is not null)
        {
            method = CheckInMethod.Code;
            switch (PatrolTime.SelfCheckIn(shift.PlannedStart, shift.PlannedEnd, now))
            {
                case SelfCheckInWindow.NotYetOpen:
                    var opens = PatrolTime.SelfCheckInOpensAt(shift.PlannedStart).InZone(ShanghaiCalendar.Zone);
                    throw LedgerRuleViolation.Invalid("check_in_not_yet_open",
                        $"签到码 {opens:uuuu-MM-dd HH:mm} 起可用 / the check-in code works from {opens:uuuu-MM-dd HH:mm} (Asia/Shanghai)",
                        "code");
                case SelfCheckInWindow.Expired:
                    throw LedgerRuleViolation.Invalid("check_in_code_expired",
                        "巡防已过计划结束时间，签到码已失效；请联系组织者 / the shift is past its planned end, so the code has expired; ask the organizer",
                        "code");
            }
            if (!SameCode(command.Code, shift.CheckInCode))
                throw LedgerRuleViolation.Invalid("wrong_check_in_code", "签到码不正确 / the check-in code is wrong",
                    "code");
        }
        PatrolVolunteers.EnsureIn(shift.CommunityId, command.VolunteerId, volunteerCommunities, "volunteerId");
        if (shift.Participants.ContainsKey(command.VolunteerId))
            throw LedgerRuleViolation.Conflict("already_checked_in",
                $"志愿者 {command.VolunteerId} 已签到 / volunteer {command.VolunteerId} is already checked in",
                "volunteerId");
        if (shift.Participants.Count >= PatrolShift.MaxParticipants)
            throw LedgerRuleViolation.Conflict("patrol_shift_full",
                $"一个班次最多 {PatrolShift.MaxParticipants} 人 / a shift takes at most {PatrolShift.MaxParticipants} participants");

        return new PatrolCheckedIn(shift.Id, command.VolunteerId, method, now, command.Actor);
    }

    // Constant time, so response timing says nothing about how many leading digits were right.
    private static bool SameCode(string offered, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered.Trim()),
            Encoding.UTF8.GetBytes(expected));
}

public static class CheckInToPatrolShiftHandler
{
    public static async Task<PatrolCheckedIn> Handle(CheckInToPatrolShift command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        // Exclusive: a crowd checking in at the gathering point queues on the shift row instead of failing on
        // version conflicts, and no check-in is lost or doubled.
        var stream = await session.Events.FetchForExclusiveWriting<PatrolShift>(command.ShiftId, ct);
        var shift = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("patrol_shift", command.ShiftId);
        shift.EnsureOpen();
        var communities = await PatrolVolunteers.CommunitiesOf(session, [command.VolunteerId], ct);
        var checkedIn = CheckInToPatrolShiftDecider.Decide(command, shift, communities, clock.GetCurrentInstant());
        stream.AppendOne(checkedIn);
        return checkedIn;
    }
}
