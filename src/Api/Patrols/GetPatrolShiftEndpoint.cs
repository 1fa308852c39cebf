using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

public static class GetPatrolShiftEndpoint
{
    [WolverineGet("/api/patrol-shifts/{shiftId}")]
    public static async Task<PatrolShiftView> Get(string shiftId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<PatrolShiftView>(Ids.FromRoute(shiftId, "patrol_shift"), ct)
        ?? throw LedgerRuleViolation.NotFound("patrol_shift", shiftId);
}
