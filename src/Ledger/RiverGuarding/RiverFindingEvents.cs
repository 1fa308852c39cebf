using NodaTime;

namespace QunTuan.Ledger.RiverGuarding;

// Each finding is a stream of its own, started by the patrol that reported it, so it can be resolved by its id
// alone. Both events carry the team and segment so the segment's coverage can follow them.

/// <summary>
/// A patrol reported a problem on its segment. <paramref name="PhotoRef"/> is an opaque key of a photo held
/// elsewhere, never a link to personal data.
/// </summary>
public sealed record RiverFindingReported(
    Guid FindingId,
    Guid TeamId,
    Guid CommunityId,
    Guid SegmentId,
    Guid PatrolId,
    RiverFindingKind Kind,
    int Count,
    RiverFindingSeverity Severity,
    string? PhotoRef,
    string? Note,
    LocalDate ReportedOn,
    Instant ReportedAt,
    string ReportedBy);

/// <summary>The problem was dealt with; the finding is closed for good.</summary>
public sealed record RiverFindingResolved(
    Guid FindingId,
    Guid TeamId,
    Guid SegmentId,
    string Note,
    Instant ResolvedAt,
    string ResolvedBy);
