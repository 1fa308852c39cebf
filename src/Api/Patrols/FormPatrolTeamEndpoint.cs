using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

/// <param name="Community">The community's id or code (<c>lanhua</c>).</param>
/// <param name="TeamId">Optional client-chosen id (makes a retried request safe); generated when absent.</param>
public sealed record FormPatrolTeamRequest(
    string Community,
    string Name,
    Guid[] OrganizerIds,
    Guid[]? MemberIds = null,
    Guid? TeamId = null);

public static class FormPatrolTeamEndpoint
{
    [WolverinePost("/api/patrol-teams")]
    public static async Task<IResult> Post(FormPatrolTeamRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var formed = await FormPatrolTeamHandler.Handle(
            new FormPatrolTeam(request.TeamId ?? Guid.CreateVersion7(), CommunityRef.Resolve(request.Community),
                request.Name, request.OrganizerIds, request.MemberIds ?? [], Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/patrol-teams/{formed.TeamId}", formed);
    }
}
