using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ElderCare;
using Wolverine.Http;

namespace QunTuan.Api.ElderCare;

/// <param name="AgeBand">70_79, 80_89 or 90_plus: no birth date, no phone or ID-card number.</param>
/// <param name="ElderId">Optional client-chosen id (makes a retried registration safe); generated when absent.</param>
public sealed record RegisterElderRequest(string DisplayName, AgeBand AgeBand, string Grid, Guid? ElderId = null);

public static class RegisterElderEndpoint
{
    [WolverinePost("/api/communities/{communityId}/elders")]
    public static async Task<IResult> Post(string communityId, RegisterElderRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var registered = await RegisterElderHandler.Handle(
            new RegisterElder(request.ElderId ?? Guid.CreateVersion7(), CommunityRef.Resolve(communityId),
                request.DisplayName, request.AgeBand, request.Grid, Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/elders/{registered.ElderId}", registered);
    }
}
