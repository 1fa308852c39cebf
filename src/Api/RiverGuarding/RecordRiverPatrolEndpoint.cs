using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.ServiceRecords;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.ServiceRecords;
using Wolverine.Http;

namespace QunTuan.Api.RiverGuarding;

/// <param name="PhotoRef">An opaque key of a photo stored elsewhere (letters, digits, <c>. _ -</c>), not a URL.</param>
public sealed record RiverFindingRequest(
    RiverFindingKind Kind,
    int Count,
    RiverFindingSeverity Severity,
    string? PhotoRef = null,
    string? Note = null,
    Guid? FindingId = null);

/// <param name="Start">Local Asia/Shanghai time, <c>09:00:00</c>.</param>
/// <param name="Participants">Members of the team who walked the whole patrol.</param>
/// <param name="CreditNow">Office staff crediting at once; otherwise the records wait in the office queue.</param>
public sealed record RecordRiverPatrolRequest(
    Guid SegmentId,
    LocalDate ServiceDate,
    LocalTime Start,
    LocalTime End,
    Guid[] Participants,
    RiverFindingRequest[]? Findings = null,
    bool CreditNow = false,
    Guid? PatrolId = null);

/// <summary>One participant's result: a credited or pending record, or why there is none.</summary>
public sealed record PatrolParticipantResult(
    Guid VolunteerId,
    Guid? RecordId,
    ServiceRecordStatus? RecordStatus,
    int? Points,
    int? BalanceAfter,
    string? NotRecordedCode,
    string? NotRecordedReason);

public sealed record RiverPatrolAccepted(
    Guid PatrolId,
    Guid SegmentId,
    int DurationMinutes,
    PatrolParticipantResult[] Participants,
    Guid[] FindingIds);

public static class RecordRiverPatrolEndpoint
{
    [WolverinePost("/api/river-teams/{teamId}/patrols")]
    public static async Task<IResult> Post(string teamId, RecordRiverPatrolRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var command = new RecordRiverPatrol(request.PatrolId ?? Guid.CreateVersion7(), Ids.FromRoute(teamId, "river_team"),
            request.SegmentId, request.ServiceDate, request.Start, request.End, request.Participants,
            (request.Findings ?? []).Select(f => new FindingReport(f.FindingId ?? Guid.CreateVersion7(), f.Kind, f.Count,
                f.Severity, f.PhotoRef, f.Note)).ToArray(),
            request.CreditNow, Actor.Of(context));
        var outcome = await RecordRiverPatrolHandler.Handle(command, session, clock, ct);
        return Results.Created($"/api/river-patrols/{command.PatrolId}", Describe(outcome));
    }

    private static RiverPatrolAccepted Describe(RiverPatrolOutcome outcome)
    {
        var recorded = outcome.Recorded;
        var records = outcome.Records.ToDictionary(r => r.Submitted.RecordId);
        var participants = recorded.Participants.Select(p =>
        {
            if (p.RecordId is { } id && records.TryGetValue(id, out var record))
                return record.Credited is { } credited
                    ? new PatrolParticipantResult(p.VolunteerId, id, ServiceRecordStatus.Credited,
                        credited.Verified.Points, credited.Credited.BalanceAfter, null, null)
                    : new PatrolParticipantResult(p.VolunteerId, id, ServiceRecordStatus.Pending, null, null, null, null);
            return new PatrolParticipantResult(p.VolunteerId, null, null, null, null, p.NotRecordedReason,
                p.NotRecordedReason == RecordRiverPatrolDecider.BelowMinimum
                    ? $"巡河 {recorded.DurationMinutes} 分钟，不足 {RecordRiverPatrolDecider.ActivityCode} 规则的最短 {recorded.MinimumMinutes} 分钟，未记积分 / the patrol lasted {recorded.DurationMinutes} minutes, below the {recorded.MinimumMinutes}-minute minimum of {RecordRiverPatrolDecider.ActivityCode}: no service recorded"
                    : null);
        }).ToArray();
        return new RiverPatrolAccepted(recorded.PatrolId, recorded.SegmentId, recorded.DurationMinutes, participants,
            recorded.FindingIds);
    }
}
