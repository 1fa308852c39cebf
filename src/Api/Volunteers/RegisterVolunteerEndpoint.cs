using Marten;
using Microsoft.Extensions.Options;
using NodaTime;
using QunTuan.Api.Identity;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Volunteers;

/// <param name="VolunteerId">Optional client-chosen id (makes a retried registration safe); generated when absent.</param>
/// <param name="Username">The sign-in name for the volunteer's account; generated when absent.</param>
public sealed record RegisterVolunteerRequest(
    string DisplayName,
    string Grid,
    Affiliation[]? Affiliations = null,
    Guid? VolunteerId = null,
    string? Username = null);

/// <summary>The registration and the volunteer's account, with the one-time code they activate it with.</summary>
public sealed record VolunteerEnrolled(VolunteerRegistered Volunteer, Activation Activation);

public static class RegisterVolunteerEndpoint
{
    [WolverinePost("/api/communities/{communityId}/volunteers")]
    public static async Task<IResult> Post(string communityId, RegisterVolunteerRequest request, HttpContext context,
        IDocumentSession session, IClock clock, IOptions<AuthOptions> auth, CancellationToken ct)
    {
        var community = CommunityRef.Resolve(communityId);
        var volunteerId = request.VolunteerId ?? Guid.CreateVersion7();
        var registered = await RegisterVolunteerHandler.Handle(
            new RegisterVolunteer(volunteerId, community, request.DisplayName, request.Grid, request.Affiliations ?? [],
                Actor.Of(context)), session, clock, ct);
        var (_, activation) = await UserDirectory.Create(session,
            new NewUser(request.Username ?? $"v-{volunteerId.ToString("N")[^10..]}", [Role.Volunteer], [community],
                volunteerId, false), Actor.Of(context), clock.GetCurrentInstant(), auth.Value.ActivationDays, ct,
            volunteerJustRegistered: true);
        return Results.Created($"/api/volunteers/{registered.VolunteerId}", new VolunteerEnrolled(registered, activation));
    }
}
