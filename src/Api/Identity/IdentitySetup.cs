using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace QunTuan.Api.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// Bearer tokens: issuer, audience, signature (HS256 only, so <c>alg: none</c> and key confusion fail) and
    /// lifetime (against the injected clock, 30 s skew) are all validated. With <c>Auth:Authority</c> set,
    /// tokens come from that OpenID Connect issuer instead.
    /// </summary>
    public static void AddQunTuanIdentity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));

        var key = new SigningKey(new SymmetricSecurityKey(KeyBytes(options, builder.Environment)));
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<TokenIssuer>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                if (options.Authority is { } authority)
                {
                    jwt.Authority = authority;
                    jwt.Audience = options.Audience;
                    jwt.TokenValidationParameters.ValidateIssuer = true;
                    jwt.TokenValidationParameters.RequireExpirationTime = true;
                    jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                    jwt.Events = new JwtBearerEvents
                    {
                        OnTokenValidated = context =>
                        {
                            if (ExternalClaims.Normalize(context.Principal!, options) is { } principal)
                                context.Principal = principal;
                            else context.Fail("the token names no subject");
                            return Task.CompletedTask;
                        }
                    };
                    return;
                }
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = key.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = QtClaims.Username,
                    RoleClaimType = QtClaims.Role
                };
            });
        // Lifetime is checked against the app's IClock, so expiry is testable with a fake clock.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IClock>((jwt, clock) =>
            {
                if (options.Authority is not null) return;
                jwt.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, p) =>
                {
                    var now = clock.GetCurrentInstant().ToDateTimeUtc();
                    return expires is { } exp && now <= exp.Add(p.ClockSkew) &&
                           (notBefore is not { } nbf || now >= nbf.Subtract(p.ClockSkew));
                };
            });
        builder.Services.AddAuthorization();
    }

    private static byte[] KeyBytes(AuthOptions options, IHostEnvironment environment)
    {
        if (options.SigningKey is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            if (bytes.Length < 32)
                throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
            return bytes;
        }
        if (environment.IsProduction())
            throw new InvalidOperationException(
                "Auth:SigningKey is not configured. Set Auth__SigningKey (base64, 32+ bytes) before running in Production.");
        return RandomNumberGenerator.GetBytes(32);
    }
}
