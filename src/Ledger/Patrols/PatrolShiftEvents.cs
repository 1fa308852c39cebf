using NodaTime;

namespace QunTuan.Ledger.Patrols;

/// <summary>How a volunteer was checked in: by the organizer on the spot, or by themself with the shift's code.</summary>
public enum CheckInMethod
{
    Organizer,
    Code
}

/// <summary>What a patrol came across (cf. the Lanhua patrols: disputes mediated, shops persuaded off the road).</summary>
public enum PatrolIncidentKind
{
    DisputeMediated,          // 化解矛盾纠纷
    HazardFound,              // 发现安全隐患
    RoadOccupationPersuaded,  // 劝导占道经营
    Other                     // 其他
}

/// <summary>Why a participant of a closed shift earned no record.</summary>
public enum PatrolNotCreditedReason
{
    /// <summary>The counted time is below the activity's minimum duration.</summary>
    BelowMinimum
}

/// <summary>
/// A patrol shift (平安巡防) was scheduled. <paramref name="ServiceDate"/> is the Asia/Shanghai date of the
/// planned start; <paramref name="CheckInCode"/> is the six-digit code volunteers check themselves in with.
/// </summary>
public sealed record PatrolShiftScheduled(
    Guid ShiftId,
    Guid CommunityId,
    Guid? TeamId,
    string? TeamName,
    string Area,
    string ActivityCode,
    Instant PlannedStart,
    Instant PlannedEnd,
    LocalDate ServiceDate,
    string CheckInCode,
    Instant ScheduledAt,
    string ScheduledBy);

/// <summary>A volunteer joined the shift. One check-in per volunteer and shift.</summary>
public sealed record PatrolCheckedIn(
    Guid ShiftId,
    Guid VolunteerId,
    CheckInMethod Method,
    Instant CheckedInAt,
    string CheckedInBy);

/// <summary>A volunteer left the shift.</summary>
public sealed record PatrolCheckedOut(
    Guid ShiftId,
    Guid VolunteerId,
    Instant CheckedOutAt,
    string CheckedOutBy);

/// <summary>Something the patrol saw or did, recorded on the shift.</summary>
public sealed record PatrolIncidentRecorded(
    Guid ShiftId,
    Guid IncidentId,
    PatrolIncidentKind Kind,
    string Description,
    Instant ReportedAt,
    string ReportedBy);

/// <summary>
/// One participant's result when the shift closed: the minutes counted inside the planned window, and either
/// the service record it produced or why it produced none.
/// </summary>
public sealed record PatrolParticipantOutcome(
    Guid VolunteerId,
    int CountedMinutes,
    Guid? RecordId,
    PatrolNotCreditedReason? NotCredited);

/// <summary>
/// The shift closed for good. <paramref name="CreditNow"/>: closed by office staff, so each record was credited
/// at once; otherwise the records wait in the office queue. <paramref name="MinimumMinutes"/> is the minimum
/// of the rule in force on the service date. Participants are in ascending volunteer id order.
/// </summary>
public sealed record PatrolShiftClosed(
    Guid ShiftId,
    bool CreditNow,
    int MinimumMinutes,
    PatrolParticipantOutcome[] Participants,
    Instant ClosedAt,
    string ClosedBy);
