namespace QunTuan.Api.Identity;

/// <summary>Claim types in QunTuan access tokens.</summary>
public static class QtClaims
{
    public const string Subject = "sub";
    public const string Username = "name";
    public const string Role = "role";
    public const string Community = "community";
    public const string Volunteer = "volunteer";
    public const string PersonalData = "pii";
}
