using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Redemptions;
using Wolverine.Http;

namespace QunTuan.Api.Redemptions;

public sealed record CancelRedemptionRequest(string? Reason = null);

public static class CancelRedemptionEndpoint
{
    /// <summary>The volunteer withdraws the request before the office decides: points and unit are released.</summary>
    [WolverinePost("/api/redemptions/{redemptionId}/cancel")]
    public static async Task<RedemptionResponse> Post(string redemptionId, CancelRedemptionRequest request,
        HttpContext context, IDocumentSession session, IClock clock, CancellationToken ct) =>
        RedemptionResponse.From(await CancelRedemptionHandler.Handle(
            new CancelRedemption(Ids.FromRoute(redemptionId, "redemption"), request.Reason, Actor.Of(context)),
            session, clock, ct));
}
