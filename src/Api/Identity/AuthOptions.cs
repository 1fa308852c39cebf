namespace QunTuan.Api.Identity;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "quntuan";
    public string Audience { get; set; } = "quntuan-api";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes. Generated per process in Development and
    /// Testing when absent; the host refuses to start in Production without one.</summary>
    public string? SigningKey { get; set; }

    public int TokenMinutes { get; set; } = 15;

    /// <summary>Set to validate tokens from an external OpenID Connect issuer (a city identity provider)
    /// instead of this API's own; local sign-in is then switched off.</summary>
    public string? Authority { get; set; }

    /// <summary>The claim carrying roles in the external issuer's tokens.</summary>
    public string RoleClaim { get; set; } = "role";

    public int ActivationDays { get; set; } = 7;
}
