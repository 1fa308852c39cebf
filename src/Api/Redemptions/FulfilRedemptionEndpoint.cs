using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Redemptions;
using Wolverine.Http;

namespace QunTuan.Api.Redemptions;

/// <param name="Code">The pickup code the volunteer shows.</param>
public sealed record FulfilRedemptionRequest(string Code);

public static class FulfilRedemptionEndpoint
{
    /// <summary>Hands the item over against the pickup code and closes the redemption.</summary>
    [WolverinePost("/api/redemptions/{redemptionId}/fulfil")]
    public static async Task<RedemptionResponse> Post(string redemptionId, FulfilRedemptionRequest request,
        HttpContext context, IDocumentSession session, IClock clock, CancellationToken ct) =>
        RedemptionResponse.From(await FulfilRedemptionHandler.Handle(
            new FulfilRedemption(Ids.FromRoute(redemptionId, "redemption"), request.Code, Actor.Of(context)), session,
            clock, ct));
}
