using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.RiverGuarding;

namespace QunTuan.Projections.RiverGuarding;

public enum RiverFindingStatus
{
    Open,
    Resolved
}

/// <summary>A finding as the team and the office follow it, from report to resolution.</summary>
public sealed record RiverFindingView(
    Guid Id,
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
    string ReportedBy,
    RiverFindingStatus Status,
    string? ResolutionNote = null,
    Instant? ResolvedAt = null,
    string? ResolvedBy = null);

public sealed partial class RiverFindingViewProjection : SingleStreamProjection<RiverFindingView, Guid>
{
    public RiverFindingView Create(RiverFindingReported e) =>
        new(e.FindingId, e.TeamId, e.CommunityId, e.SegmentId, e.PatrolId, e.Kind, e.Count, e.Severity, e.PhotoRef,
            e.Note, e.ReportedOn, e.ReportedAt, e.ReportedBy, RiverFindingStatus.Open);

    public RiverFindingView Apply(RiverFindingResolved e, RiverFindingView v) =>
        v with
        {
            Status = RiverFindingStatus.Resolved, ResolutionNote = e.Note, ResolvedAt = e.ResolvedAt,
            ResolvedBy = e.ResolvedBy
        };
}
