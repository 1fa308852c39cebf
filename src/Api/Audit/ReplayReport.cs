using NodaTime;
using QunTuan.Projections.Audit;

namespace QunTuan.Api.Audit;

public enum ReplayStatus
{
    Running,
    Completed,
    Failed
}

/// <summary>
/// The record of one replay-and-compare: who asked, when, how far it has got while it runs (<see cref="Stage"/>,
/// projections done of total), and once done the event count, duration, document hashes and every difference found.
/// </summary>
public sealed record ReplayReport(
    Guid Id,
    string RequestedBy,
    Instant RequestedAt,
    ReplayStatus Status,
    string Stage,
    int ProjectionsDone,
    int ProjectionsTotal,
    string? CurrentProjection,
    long EventCount,
    string ShadowSchema,
    Instant? CompletedAt = null,
    long? DurationMilliseconds = null,
    long? LastSequence = null,
    int? DifferenceCount = null,
    string? ReplayHash = null,
    IReadOnlyList<DocumentComparison>? Documents = null,
    IReadOnlyList<DocumentDifference>? Differences = null,
    IReadOnlyList<ProjectionTiming>? Projections = null,
    string? Error = null);
