using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

public sealed record RecordIncidentRequest(PatrolIncidentKind Kind, string Description);

public static class RecordPatrolIncidentEndpoint
{
    [WolverinePost("/api/patrol-shifts/{shiftId}/incidents")]
    public static async Task<IResult> Post(string shiftId, RecordIncidentRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var recorded = await RecordPatrolIncidentHandler.Handle(
            new RecordPatrolIncident(Ids.FromRoute(shiftId, "patrol_shift"), Guid.CreateVersion7(), request.Kind,
                request.Description, Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/patrol-shifts/{recorded.ShiftId}", recorded);
    }
}
