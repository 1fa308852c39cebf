using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Beneficiaries;
using Wolverine.Http;

namespace QunTuan.Api.Beneficiaries;

/// <param name="Label">How the office refers to the household (「第3网格困难户 A」): no names, phone or ID numbers.</param>
/// <param name="HouseholdId">Optional client-chosen id (makes a retried registration safe).</param>
public sealed record RegisterHouseholdRequest(string Label, string Grid, HouseholdCircumstance Circumstance,
    Guid? HouseholdId = null);

public static class RegisterHouseholdEndpoint
{
    /// <summary>Registers a household in difficulty as a beneficiary volunteers may redeem for.</summary>
    [WolverinePost("/api/communities/{communityId}/households")]
    public static async Task<IResult> Post(string communityId, RegisterHouseholdRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var registered = await RegisterHouseholdHandler.Handle(
            new RegisterHousehold(request.HouseholdId ?? Guid.CreateVersion7(), CommunityRef.Resolve(communityId),
                request.Label, request.Grid, request.Circumstance, Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/communities/{communityId}/households", registered);
    }
}
