using System.Security.Claims;

namespace QunTuan.Api.Identity;

/// <summary>The signed-in user as the access rules see them, read from the validated token.</summary>
public sealed record CurrentUser(
    Guid Id,
    string Username,
    IReadOnlySet<Role> Roles,
    IReadOnlySet<Guid> CommunityIds,
    Guid? VolunteerId,
    bool CanReadPersonalData)
{
    public bool Is(Role role) => Roles.Contains(role);

    /// <summary>Office, organizer and auditor rights reach a community only when it is in the user's scope;
    /// an auditor with no listed community audits them all.</summary>
    public bool Covers(Role role, Guid? communityId) =>
        Is(role) && communityId is { } id &&
        (CommunityIds.Contains(id) || (role == Role.Auditor && CommunityIds.Count == 0));

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!Guid.TryParse(principal.FindFirstValue(QtClaims.Subject), out var id)) return null;
        var roles = principal.FindAll(QtClaims.Role)
            .Select(c => Enum.TryParse<Role>(c.Value, ignoreCase: true, out var r) ? r : (Role?)null)
            .OfType<Role>().ToHashSet();
        var communities = principal.FindAll(QtClaims.Community)
            .Select(c => Guid.TryParse(c.Value, out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty).ToHashSet();
        Guid? volunteer = Guid.TryParse(principal.FindFirstValue(QtClaims.Volunteer), out var v) ? v : null;
        return new CurrentUser(id, principal.FindFirstValue(QtClaims.Username) ?? id.ToString(), roles, communities,
            volunteer, principal.FindFirstValue(QtClaims.PersonalData) == "read");
    }
}
