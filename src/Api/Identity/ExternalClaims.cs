using System.Security.Claims;
using QunTuan.Ledger.Shared;

namespace QunTuan.Api.Identity;

/// <summary>
/// A city identity provider names users, roles and communities in its own terms: a subject that is no GUID, roles
/// under a claim of its choosing, communities by code. Its tokens are rewritten into this API's claims once, when
/// they are validated, so the access rules and the event metadata see a single shape whoever issued the token.
/// </summary>
public static class ExternalClaims
{
    // Users of an external issuer get stable ids derived from issuer and subject, never colliding with local ones.
    private static readonly Guid ExternalUsers = new("6d2c7b1e-3f4a-4c5d-9e8f-7a6b5c4d3e2f");

    public static ClaimsPrincipal? Normalize(ClaimsPrincipal external, AuthOptions options)
    {
        var subject = external.FindFirstValue(QtClaims.Subject);
        if (string.IsNullOrWhiteSpace(subject)) return null;
        var issuer = external.FindFirstValue("iss") ?? options.Authority ?? "";
        var id = Guid.TryParse(subject, out var guid) ? guid : DeterministicId.Create(ExternalUsers, $"{issuer}|{subject}");

        var claims = new List<Claim>
        {
            new(QtClaims.Subject, id.ToString()),
            new(QtClaims.Username, external.FindFirstValue(options.UsernameClaim) ?? subject)
        };
        // Role values outside this API's five roles are ignored: an unknown role grants nothing.
        claims.AddRange(Values(external, options.RoleClaim)
            .Where(r => Enum.TryParse<Role>(r, ignoreCase: true, out _))
            .Select(r => new Claim(QtClaims.Role, r.ToLowerInvariant())));
        claims.AddRange(Values(external, options.CommunityClaim)
            .Select(c => new Claim(QtClaims.Community,
                (Guid.TryParse(c, out var community) ? community : DeterministicId.ForCommunity(c)).ToString())));
        if (Guid.TryParse(external.FindFirstValue(options.VolunteerClaim), out var volunteer))
            claims.Add(new Claim(QtClaims.Volunteer, volunteer.ToString()));
        // Reading unmasked personal data is granted in this API only, never by an outside issuer.
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "external", QtClaims.Username, QtClaims.Role));
    }

    // Issuers send several values as repeated claims or as one space-separated string.
    private static IEnumerable<string> Values(ClaimsPrincipal principal, string type) =>
        principal.FindAll(type).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
