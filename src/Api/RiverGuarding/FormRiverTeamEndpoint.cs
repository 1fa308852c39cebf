using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.RiverGuarding;
using Wolverine.Http;

namespace QunTuan.Api.RiverGuarding;

/// <param name="SegmentId">Optional client-chosen id; generated when absent. Unique across all teams.</param>
public sealed record RiverSegmentRequest(string Name, int LengthMetres, Guid? SegmentId = null);

/// <param name="CommunityId">The host community's id or code (<c>lanhua</c>): it owns the team and its office runs it.</param>
/// <param name="Members">Volunteers of that community or, for a street team, of any community in its street.</param>
/// <param name="Scope"><c>community</c> (社区护河队, the default) or <c>street</c> (街道护河队).</param>
public sealed record FormRiverTeamRequest(
    string CommunityId,
    string Name,
    Guid[] Members,
    RiverSegmentRequest[] Segments,
    Guid? TeamId = null,
    RiverTeamScope Scope = RiverTeamScope.Community);

public static class FormRiverTeamEndpoint
{
    [WolverinePost("/api/river-teams")]
    public static async Task<IResult> Post(FormRiverTeamRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var formed = await FormRiverTeamHandler.Handle(new FormRiverTeam(request.TeamId ?? Guid.CreateVersion7(),
            CommunityRef.Resolve(request.CommunityId), request.Name, request.Members,
            request.Segments.Select(s => new SegmentSpec(s.SegmentId ?? Guid.CreateVersion7(), s.Name, s.LengthMetres))
                .ToArray(), Actor.Of(context), request.Scope), session, clock, ct);
        return Results.Created($"/api/river-teams/{formed.TeamId}", formed);
    }
}
