using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.RiverGuarding;
using Wolverine.Http;

namespace QunTuan.Api.RiverGuarding;

public static class GetRiverPatrolEndpoint
{
    [WolverineGet("/api/river-patrols/{patrolId}")]
    public static async Task<RiverPatrolView> Get(string patrolId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<RiverPatrolView>(Ids.FromRoute(patrolId, "river_patrol"), ct)
        ?? throw LedgerRuleViolation.NotFound("river_patrol", patrolId);
}
