using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Volunteers;

public static class GetBalanceEndpoint
{
    [WolverineGet("/api/volunteers/{volunteerId}/balance")]
    public static async Task<VolunteerBalance> Get(string volunteerId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<VolunteerBalance>(Ids.FromRoute(volunteerId, "volunteer"), ct)
        ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId);
}
