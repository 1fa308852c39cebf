using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Volunteers;

/// <param name="VolunteerId">Optional client-chosen id (makes a retried registration safe); generated when absent.</param>
public sealed record RegisterVolunteerRequest(
    string DisplayName,
    string Grid,
    Affiliation[]? Affiliations = null,
    Guid? VolunteerId = null);

public static class RegisterVolunteerEndpoint
{
    [WolverinePost("/api/communities/{communityId}/volunteers")]
    public static async Task<IResult> Post(string communityId, RegisterVolunteerRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var registered = await RegisterVolunteerHandler.Handle(
            new RegisterVolunteer(request.VolunteerId ?? Guid.CreateVersion7(), CommunityRef.Resolve(communityId),
                request.DisplayName, request.Grid, request.Affiliations ?? [], Actor.Of(context)), session, clock, ct);
        return Results.Created($"/api/volunteers/{registered.VolunteerId}", registered);
    }
}
