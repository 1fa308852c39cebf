using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.RiverGuarding;
using Wolverine.Http;

namespace QunTuan.Api.RiverGuarding;

public static class AddRiverSegmentEndpoint
{
    [WolverinePost("/api/river-teams/{teamId}/segments")]
    public static async Task<IResult> Post(string teamId, RiverSegmentRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var added = await AddRiverSegmentHandler.Handle(
            new AddRiverSegment(Ids.FromRoute(teamId, "river_team"), request.SegmentId ?? Guid.CreateVersion7(),
                request.Name, request.LengthMetres, Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/river-teams/{added.TeamId}/segments", added);
    }
}
