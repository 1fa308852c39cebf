using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace QunTuan.Api.Identity;

public sealed record TokenResponse(string AccessToken, string TokenType, Instant ExpiresAt, int ExpiresIn);

/// <summary>Signs short-lived access tokens (HS256) for users of this API.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, SigningKey key, IClock clock)
{
    public TokenResponse Issue(UserAccount user)
    {
        var o = options.Value;
        var now = clock.GetCurrentInstant();
        var expires = now.Plus(Duration.FromMinutes(o.TokenMinutes));
        var claims = new List<Claim>
        {
            new(QtClaims.Subject, user.Id.ToString()),
            new(QtClaims.Username, user.Username),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"))
        };
        claims.AddRange(user.Roles.Select(r => new Claim(QtClaims.Role, r.ToString().ToLowerInvariant())));
        claims.AddRange(user.CommunityIds.Select(c => new Claim(QtClaims.Community, c.ToString())));
        if (user.VolunteerId is { } v) claims.Add(new Claim(QtClaims.Volunteer, v.ToString()));
        if (user.CanReadPersonalData) claims.Add(new Claim(QtClaims.PersonalData, "read"));

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = o.Issuer,
            Audience = o.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.ToDateTimeUtc(),
            NotBefore = now.ToDateTimeUtc(),
            Expires = expires.ToDateTimeUtc(),
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256)
        });
        return new TokenResponse(token, "Bearer", expires, o.TokenMinutes * 60);
    }
}

/// <summary>The symmetric key tokens are signed and checked with.</summary>
public sealed class SigningKey(SymmetricSecurityKey key)
{
    public SymmetricSecurityKey Key { get; } = key;
}
