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

    /// <summary>The claim carrying roles in the external issuer's tokens (values: volunteer, organizer, office,
    /// auditor, admin).</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim carrying the communities (codes such as <c>lanhua</c>, or ids) an external user acts in.</summary>
    public string CommunityClaim { get; set; } = "community";

    /// <summary>The claim carrying an external user's display username, written into the events they cause.</summary>
    public string UsernameClaim { get; set; } = "preferred_username";

    /// <summary>The claim carrying the volunteer id of an external user who is a volunteer.</summary>
    public string VolunteerClaim { get; set; } = "volunteer";

    public int ActivationDays { get; set; } = 7;
}
