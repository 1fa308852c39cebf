using QunTuan.Api.Identity;

namespace QunTuan.Api.Access;

/// <summary>
/// Who may call one route. <see cref="Grants"/> lists the roles and how far each reaches; administrators pass
/// every rule. A body flag in <see cref="OfficeOnlyFlags"/> (such as <c>verifyNow</c>) narrows the request to
/// office staff, because it credits points without a second pair of eyes. A query parameter in
/// <see cref="AuditOnlyQuery"/> (such as <c>asOf</c>) narrows it to auditors: replaying history is their tool.
/// </summary>
public sealed record AccessRule(
    string Method,
    string Route,
    Locator Locate,
    IReadOnlyList<Grant> Grants,
    bool Public = false,
    IReadOnlyList<string>? OfficeOnlyFlags = null,
    IReadOnlyList<string>? AuditOnlyQuery = null)
{
    public string Key => $"{Method} {Route}";
}

/// <summary>A small vocabulary for writing rules that read like the policy.</summary>
public static class Who
{
    public static Grant Office => new(Role.Office, Reach.Community);
    public static Grant Auditor => new(Role.Auditor, Reach.Community);
    /// <summary>An auditor of every community, for operations over the whole store (replays, chain, invariants).</summary>
    public static Grant AuditorOfAll => new(Role.Auditor, Reach.AllCommunities);
    public static Grant OrganizerInCommunity => new(Role.Organizer, Reach.Community);
    public static Grant OrganizerOfIt => new(Role.Organizer, Reach.Organized);
    /// <summary>A volunteer who belongs to the team (river-guard teams have no separate organizers).</summary>
    public static Grant MemberOfIt => new(Role.Volunteer, Reach.Organized);
    public static Grant VolunteerInCommunity => new(Role.Volunteer, Reach.Community);
    public static Grant Owner => new(Role.Volunteer, Reach.Own);
    public static Grant OwnerWith(string bodyField) => new(Role.Volunteer, Reach.Own, bodyField);

    public static Grant[] Everyone =>
    [
        new(Role.Volunteer, Reach.Anywhere), new(Role.Organizer, Reach.Anywhere), new(Role.Office, Reach.Anywhere),
        new(Role.Auditor, Reach.Anywhere)
    ];

    public static Grant[] AdminsOnly => [];
}
