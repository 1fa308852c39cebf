using System.Collections.Immutable;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Patrols;

public enum PatrolShiftStatus
{
    Scheduled,  // 已排班: open to check-ins, check-outs and incidents
    Closed      // 已结束: final; corrections go through reversals and adjustments
}

public sealed record PatrolParticipation(Instant CheckedInAt, Instant? CheckedOutAt);

/// <summary>Decision state of one patrol shift.</summary>
public sealed record PatrolShift(
    Guid Id,
    Guid CommunityId,
    string ActivityCode,
    Instant PlannedStart,
    Instant PlannedEnd,
    LocalDate ServiceDate,
    string CheckInCode,
    ImmutableDictionary<Guid, PatrolParticipation> Participants,
    PatrolShiftStatus Status)
{
    /// <summary>Bounds the work of closing a shift, which writes one record per participant in one transaction.</summary>
    public const int MaxParticipants = 200;

    private static readonly Guid RecordNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0101");

    public static PatrolShift Create(PatrolShiftScheduled e) =>
        new(e.ShiftId, e.CommunityId, e.ActivityCode, e.PlannedStart, e.PlannedEnd, e.ServiceDate, e.CheckInCode,
            ImmutableDictionary<Guid, PatrolParticipation>.Empty, PatrolShiftStatus.Scheduled);

    public PatrolShift Apply(PatrolCheckedIn e) =>
        this with { Participants = Participants.SetItem(e.VolunteerId, new PatrolParticipation(e.CheckedInAt, null)) };

    public PatrolShift Apply(PatrolCheckedOut e) =>
        this with
        {
            Participants = Participants.SetItem(e.VolunteerId,
                Participants[e.VolunteerId] with { CheckedOutAt = e.CheckedOutAt })
        };

    public PatrolShift Apply(PatrolIncidentRecorded _) => this;

    public PatrolShift Apply(PatrolShiftClosed _) => this with { Status = PatrolShiftStatus.Closed };

    /// <summary>The service record a participant's time becomes: derived from the shift and the volunteer, so a
    /// shift can never produce two records for one person.</summary>
    public Guid RecordIdFor(Guid volunteerId) =>
        DeterministicId.Create(RecordNamespace, $"{Id:N}/{volunteerId:N}");

    /// <summary>Every change to a shift is refused once it is closed.</summary>
    public void EnsureOpen()
    {
        if (Status == PatrolShiftStatus.Closed)
            throw LedgerRuleViolation.Conflict("patrol_shift_closed",
                "巡防班次已结束，不能再更改；更正请走冲正或调整 / the patrol shift is closed and cannot change; " +
                "correct its records by reversal or adjustment");
    }
}
