using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.RiverGuarding;
using Wolverine.Http;

namespace QunTuan.Api.RiverGuarding;

public static class GetRiverTeamEndpoint
{
    [WolverineGet("/api/river-teams/{teamId}")]
    public static async Task<RiverTeamView> Get(string teamId, IQuerySession session, CancellationToken ct) =>
        await Load(session, teamId, ct);

    public static async Task<RiverTeamView> Load(IQuerySession session, string teamId, CancellationToken ct) =>
        await session.LoadAsync<RiverTeamView>(Ids.FromRoute(teamId, "river_team"), ct)
        ?? throw LedgerRuleViolation.NotFound("river_team", teamId);
}
