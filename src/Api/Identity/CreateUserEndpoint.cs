using Marten;
using Microsoft.Extensions.Options;
using NodaTime;
using QunTuan.Api.Infrastructure;
using Wolverine.Http;

namespace QunTuan.Api.Identity;

public sealed record CreateUserRequest(
    string Username,
    Role[] Roles,
    Guid[]? CommunityIds = null,
    Guid? VolunteerId = null,
    bool CanReadPersonalData = false);

public sealed record UserCreated(UserSummary User, Activation Activation);

public sealed record UserSummary(Guid Id, string Username, Role[] Roles, Guid[] CommunityIds, Guid? VolunteerId,
    bool CanReadPersonalData, bool Activated, Instant CreatedAt, string CreatedBy)
{
    public static UserSummary Of(UserAccount u) =>
        new(u.Id, u.Username, u.Roles, u.CommunityIds, u.VolunteerId, u.CanReadPersonalData, u.PasswordHash is not null,
            u.CreatedAt, u.CreatedBy);
}

public static class CreateUserEndpoint
{
    /// <summary>An administrator opens an account; the response carries its one-time activation code.</summary>
    [WolverinePost("/api/users")]
    public static async Task<IResult> Post(CreateUserRequest request, HttpContext context, IDocumentSession session,
        IOptions<AuthOptions> options, IClock clock, CancellationToken ct)
    {
        var (user, activation) = await UserDirectory.Create(session,
            new NewUser(request.Username, request.Roles, request.CommunityIds ?? [], request.VolunteerId,
                request.CanReadPersonalData), Actor.Of(context), clock.GetCurrentInstant(),
            options.Value.ActivationDays, ct);
        return Results.Created($"/api/users/{user.Id}", new UserCreated(UserSummary.Of(user), activation));
    }
}
