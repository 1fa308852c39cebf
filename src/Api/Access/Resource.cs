namespace QunTuan.Api.Access;

/// <summary>
/// What an access rule needs to know about the thing a request touches: whether it exists, the community it
/// belongs to, the volunteer who owns it, and the volunteers who organize it (patrol teams and shifts).
/// <see cref="OrganizerCommunities"/> lists further communities its organizers may belong to: a street river team
/// is owned by its host community but its members come from every community of the street.
/// </summary>
public sealed record Resource(
    bool Exists,
    Guid? CommunityId = null,
    Guid? OwnerVolunteerId = null,
    IReadOnlyCollection<Guid>? Organizers = null,
    IReadOnlyCollection<Guid>? OrganizerCommunities = null)
{
    public static readonly Resource Missing = new(false);

    /// <summary>Not tied to a community (the catalog of activities, the list of communities, user accounts).</summary>
    public static readonly Resource Global = new(true);

    public static Resource InCommunity(Guid communityId, Guid? owner = null, IReadOnlyCollection<Guid>? organizers = null) =>
        new(true, communityId, owner, organizers);
}
