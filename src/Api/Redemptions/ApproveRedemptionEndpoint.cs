using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Redemptions;
using Wolverine;
using Wolverine.Http;

namespace QunTuan.Api.Redemptions;

public static class ApproveRedemptionEndpoint
{
    /// <summary>Captures the held points, takes the reserved unit and issues the pickup code, shown only here.</summary>
    [WolverinePost("/api/redemptions/{redemptionId}/approve")]
    public static async Task<RedemptionResponse> Post(string redemptionId, HttpContext context,
        IDocumentSession session, IClock clock, IMessageBus bus, CancellationToken ct) =>
        RedemptionResponse.From(await ApproveRedemptionHandler.Handle(
            new ApproveRedemption(Ids.FromRoute(redemptionId, "redemption"), Actor.Of(context)), session, clock, bus,
            ct));
}
