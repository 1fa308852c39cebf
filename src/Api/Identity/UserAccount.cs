using NodaTime;

namespace QunTuan.Api.Identity;

/// <summary>
/// A sign-in account. Only a password hash and the hash of a one-time activation code are kept, never the
/// secrets. <see cref="CommunityIds"/> scopes office, organizer and auditor rights (an auditor with none
/// audits every community). <see cref="VolunteerId"/> links a volunteer (or organizer) to their account.
/// </summary>
public sealed record UserAccount(
    Guid Id,
    string Username,
    Role[] Roles,
    Guid[] CommunityIds,
    Guid? VolunteerId,
    bool CanReadPersonalData,
    Instant CreatedAt,
    string CreatedBy,
    string? PasswordHash = null,
    Instant? PasswordSetAt = null,
    string? ActivationCodeHash = null,
    Instant? ActivationExpiresAt = null,
    bool Disabled = false);
