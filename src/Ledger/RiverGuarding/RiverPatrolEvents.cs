using NodaTime;

namespace QunTuan.Ledger.RiverGuarding;

/// <summary>
/// One participant of a patrol: the service record it produced, or, when none, why not
/// (<c>duration_below_minimum</c>: the patrol was shorter than the CB04 rule's minimum).
/// </summary>
public sealed record PatrolParticipant(Guid VolunteerId, Guid? RecordId, string? NotRecordedReason);

/// <summary>
/// Team members walked a segment on a service date. Each participant's service is recorded through the one
/// crediting path (origin <c>river_patrol</c>); <paramref name="MinimumMinutes"/> is the rule's minimum that
/// day, kept so the patrol can say why someone earned nothing.
/// </summary>
public sealed record RiverPatrolRecorded(
    Guid PatrolId,
    Guid TeamId,
    Guid CommunityId,
    Guid SegmentId,
    LocalDate ServiceDate,
    LocalTime Start,
    LocalTime End,
    int DurationMinutes,
    int MinimumMinutes,
    PatrolParticipant[] Participants,
    Guid[] FindingIds,
    bool CreditNow,
    Instant RecordedAt,
    string RecordedBy);
