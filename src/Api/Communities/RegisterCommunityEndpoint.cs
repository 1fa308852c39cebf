using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Communities;
using Wolverine.Http;

namespace QunTuan.Api.Communities;

public sealed record RegisterCommunityRequest(
    string Code,
    string NameZh,
    string NameEn,
    string City,
    string Street,
    int PermanentResidents);

public static class RegisterCommunityEndpoint
{
    [WolverinePost("/api/communities")]
    public static async Task<IResult> Post(RegisterCommunityRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var registered = await RegisterCommunityHandler.Handle(
            new RegisterCommunity(request.Code, request.NameZh, request.NameEn, request.City,
                request.Street, request.PermanentResidents, Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/communities/{registered.CommunityId}", registered);
    }
}
