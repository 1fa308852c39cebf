using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

/// <param name="Community">The community's id or code (<c>lanhua</c>).</param>
/// <param name="Area">The area or route the patrol covers.</param>
/// <param name="ActivityCode">The per-hour activity the time is credited to; safety patrol (CB01) when absent.</param>
/// <param name="ShiftId">Optional client-chosen id (makes a retried request safe); generated when absent.</param>
public sealed record SchedulePatrolShiftRequest(
    string Community,
    string Area,
    Instant PlannedStart,
    Instant PlannedEnd,
    string? ActivityCode = null,
    Guid? TeamId = null,
    Guid? ShiftId = null);

public static class SchedulePatrolShiftEndpoint
{
    [WolverinePost("/api/patrol-shifts")]
    public static async Task<IResult> Post(SchedulePatrolShiftRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var scheduled = await SchedulePatrolShiftHandler.Handle(
            new SchedulePatrolShift(request.ShiftId ?? Guid.CreateVersion7(), CommunityRef.Resolve(request.Community),
                request.TeamId, request.Area, request.PlannedStart, request.PlannedEnd,
                request.ActivityCode ?? SchedulePatrolShift.DefaultActivity, Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/patrol-shifts/{scheduled.ShiftId}", scheduled);
    }
}
