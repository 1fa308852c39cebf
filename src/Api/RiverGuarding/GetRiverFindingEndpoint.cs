using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.RiverGuarding;
using Wolverine.Http;

namespace QunTuan.Api.RiverGuarding;

public static class GetRiverFindingEndpoint
{
    [WolverineGet("/api/river-findings/{findingId}")]
    public static async Task<RiverFindingView> Get(string findingId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<RiverFindingView>(Ids.FromRoute(findingId, "river_finding"), ct)
        ?? throw LedgerRuleViolation.NotFound("river_finding", findingId);
}
