using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.RiverGuarding;
using Wolverine.Http;

namespace QunTuan.Api.RiverGuarding;

public sealed record JoinRiverTeamRequest(Guid VolunteerId);

public static class JoinRiverTeamEndpoint
{
    [WolverinePost("/api/river-teams/{teamId}/members")]
    public static async Task<IResult> Post(string teamId, JoinRiverTeamRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var joined = await JoinRiverTeamHandler.Handle(
            new JoinRiverTeam(Ids.FromRoute(teamId, "river_team"), request.VolunteerId, Actor.Of(context)), session,
            clock, ct);
        return Results.Created($"/api/river-teams/{joined.TeamId}", joined);
    }
}
