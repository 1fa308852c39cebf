using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

public sealed record AddPatrolTeamMemberRequest(Guid VolunteerId, PatrolTeamRole Role = PatrolTeamRole.Member);

public static class AddPatrolTeamMemberEndpoint
{
    [WolverinePost("/api/patrol-teams/{teamId}/members")]
    public static async Task<IResult> Post(string teamId, AddPatrolTeamMemberRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var joined = await AddPatrolTeamMemberHandler.Handle(
            new AddPatrolTeamMember(Ids.FromRoute(teamId, "patrol_team"), request.VolunteerId, request.Role,
                Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/patrol-teams/{joined.TeamId}", joined);
    }
}
