using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Redemptions;
using Wolverine;
using Wolverine.Http;

namespace QunTuan.Api.Redemptions;

/// <param name="VolunteerId">Who pays: the volunteer asking, from their own account.</param>
/// <param name="SlotId">Services only: the dated slot.</param>
/// <param name="BeneficiaryId">A registered elder or household of the same community to redeem for (代兑).</param>
/// <param name="RedemptionId">Optional client-chosen id: the same request sent again has one effect.</param>
public sealed record RequestRedemptionRequest(
    Guid VolunteerId,
    Guid ItemId,
    Guid? SlotId = null,
    Guid? BeneficiaryId = null,
    Guid? RedemptionId = null);

public static class RequestRedemptionEndpoint
{
    /// <summary>
    /// Holds the points and reserves the unit in one transaction; the request then waits in the office queue
    /// until approved, rejected, cancelled or expired. 201 when made, 200 when the same request was already made.
    /// </summary>
    [WolverinePost("/api/redemptions")]
    public static async Task<IResult> Post(RequestRedemptionRequest request, HttpContext context,
        IDocumentSession session, IClock clock, IMessageBus bus, CancellationToken ct)
    {
        var outcome = await RequestRedemptionHandler.Handle(
            new RequestRedemption(request.RedemptionId ?? Guid.CreateVersion7(), request.VolunteerId, request.ItemId,
                request.SlotId, request.BeneficiaryId, Actor.Of(context)), session, clock, bus, ct);
        var body = RedemptionResponse.From(outcome.Redemption, outcome.Opened is not null);
        return outcome.Opened is null
            ? Results.Ok(body)
            : Results.Created($"/api/redemptions/{body.RedemptionId}", body);
    }
}
