using Marten;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Activities;
using Wolverine.Http;

namespace QunTuan.Api.Activities;

public static class GetActivityEndpoint
{
    /// <summary>One subcategory with its whole rule history.</summary>
    [WolverineGet("/api/activities/{code}")]
    public static async Task<ActivityView> Get(string code, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ActivityView>(DeterministicId.ForActivity(code), ct)
        ?? throw LedgerRuleViolation.NotFound("activity", code);
}
