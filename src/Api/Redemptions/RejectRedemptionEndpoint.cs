using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Redemptions;
using Wolverine.Http;

namespace QunTuan.Api.Redemptions;

public sealed record RejectRedemptionRequest(string Reason);

public static class RejectRedemptionEndpoint
{
    /// <summary>Releases the held points and the reserved unit, with the reason the volunteer will read.</summary>
    [WolverinePost("/api/redemptions/{redemptionId}/reject")]
    public static async Task<RedemptionResponse> Post(string redemptionId, RejectRedemptionRequest request,
        HttpContext context, IDocumentSession session, IClock clock, CancellationToken ct) =>
        RedemptionResponse.From(await RejectRedemptionHandler.Handle(
            new RejectRedemption(Ids.FromRoute(redemptionId, "redemption"), request.Reason, Actor.Of(context)),
            session, clock, ct));
}
