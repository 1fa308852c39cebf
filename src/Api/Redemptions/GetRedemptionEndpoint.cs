using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Redemptions;
using Wolverine.Http;

namespace QunTuan.Api.Redemptions;

public static class GetRedemptionEndpoint
{
    [WolverineGet("/api/redemptions/{redemptionId}")]
    public static async Task<RedemptionEntry> Get(string redemptionId, IQuerySession session, CancellationToken ct)
    {
        var view = await session.LoadAsync<RedemptionView>(Ids.FromRoute(redemptionId, "redemption"), ct)
                   ?? throw LedgerRuleViolation.NotFound("redemption", redemptionId);
        return (await RedemptionListing.Entries(session, [view], ct))[0];
    }
}
