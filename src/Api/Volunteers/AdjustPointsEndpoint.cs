using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Volunteers;

/// <param name="Points">Signed: positive adds points, negative takes them away.</param>
public sealed record AdjustPointsRequest(int Points, CorrectionReason Reason, string Note, Guid? AdjustmentId = null);

public static class AdjustPointsEndpoint
{
    [WolverinePost("/api/volunteers/{volunteerId}/adjustments")]
    public static async Task<IResult> Post(string volunteerId, AdjustPointsRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var adjusted = await AdjustPointsHandler.Handle(
            new AdjustPoints(Ids.FromRoute(volunteerId, "volunteer"), request.AdjustmentId ?? Guid.CreateVersion7(),
                request.Points, request.Reason, request.Note, Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/volunteers/{adjusted.VolunteerId}/statement", adjusted);
    }
}
