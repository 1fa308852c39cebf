using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

/// <param name="Code">The shift's six-digit code when volunteers check themselves in; left out when the organizer
/// checks them in.</param>
public sealed record CheckInRequest(Guid VolunteerId, string? Code = null);

public static class CheckInToPatrolShiftEndpoint
{
    [WolverinePost("/api/patrol-shifts/{shiftId}/check-ins")]
    public static async Task<IResult> Post(string shiftId, CheckInRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var checkedIn = await CheckInToPatrolShiftHandler.Handle(
            new CheckInToPatrolShift(Ids.FromRoute(shiftId, "patrol_shift"), request.VolunteerId, request.Code,
                Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/patrol-shifts/{checkedIn.ShiftId}", checkedIn);
    }
}
