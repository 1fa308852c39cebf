using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

public sealed record CheckOutRequest(Guid VolunteerId);

public static class CheckOutOfPatrolShiftEndpoint
{
    [WolverinePost("/api/patrol-shifts/{shiftId}/check-outs")]
    public static async Task<IResult> Post(string shiftId, CheckOutRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var checkedOut = await CheckOutOfPatrolShiftHandler.Handle(
            new CheckOutOfPatrolShift(Ids.FromRoute(shiftId, "patrol_shift"), request.VolunteerId, Actor.Of(context)),
            session, clock, ct);
        return Results.Created($"/api/patrol-shifts/{checkedOut.ShiftId}", checkedOut);
    }
}
