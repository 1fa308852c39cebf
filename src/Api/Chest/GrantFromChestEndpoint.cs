using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Redemptions;
using QunTuan.Ledger.Redemptions;
using Wolverine;
using Wolverine.Http;

namespace QunTuan.Api.Chest;

/// <param name="BeneficiaryId">A registered elder or household of the community.</param>
/// <param name="RedemptionId">Optional client-chosen id: the same grant sent again has one effect.</param>
public sealed record GrantFromChestRequest(Guid ItemId, Guid BeneficiaryId, Guid? SlotId = null,
    Guid? RedemptionId = null);

public static class GrantFromChestEndpoint
{
    /// <summary>
    /// Office staff redeem an item for a beneficiary with chest points: the chest is held now, and the grant then
    /// runs like any redemption (approved, rejected, expired, fulfilled).
    /// </summary>
    [WolverinePost("/api/communities/{communityId}/chest/grants")]
    public static async Task<IResult> Post(string communityId, GrantFromChestRequest request, HttpContext context,
        IDocumentSession session, IClock clock, IMessageBus bus, CancellationToken ct)
    {
        var outcome = await GrantFromChestHandler.Handle(
            new GrantFromChest(request.RedemptionId ?? Guid.CreateVersion7(), CommunityRef.Resolve(communityId),
                request.ItemId, request.SlotId, request.BeneficiaryId, Actor.Of(context)), session, clock, bus, ct);
        var body = RedemptionResponse.From(outcome.Redemption, outcome.Opened is not null);
        return outcome.Opened is null
            ? Results.Ok(body)
            : Results.Created($"/api/redemptions/{body.RedemptionId}", body);
    }
}
