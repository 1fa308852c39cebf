using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

public static class GetPatrolTeamEndpoint
{
    [WolverineGet("/api/patrol-teams/{teamId}")]
    public static async Task<PatrolTeamView> Get(string teamId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<PatrolTeamView>(Ids.FromRoute(teamId, "patrol_team"), ct)
        ?? throw LedgerRuleViolation.NotFound("patrol_team", teamId);
}
