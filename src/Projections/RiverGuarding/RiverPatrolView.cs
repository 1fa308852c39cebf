using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.RiverGuarding;

namespace QunTuan.Projections.RiverGuarding;

/// <summary>One patrol as recorded: who walked, what each participant's service became, what was found.</summary>
public sealed record RiverPatrolView(
    Guid Id,
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

public sealed partial class RiverPatrolViewProjection : SingleStreamProjection<RiverPatrolView, Guid>
{
    public RiverPatrolView Create(RiverPatrolRecorded e) =>
        new(e.PatrolId, e.TeamId, e.CommunityId, e.SegmentId, e.ServiceDate, e.Start, e.End, e.DurationMinutes,
            e.MinimumMinutes, e.Participants, e.FindingIds, e.CreditNow, e.RecordedAt, e.RecordedBy);
}
