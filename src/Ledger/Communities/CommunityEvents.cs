using NodaTime;

namespace QunTuan.Ledger.Communities;

/// <summary>A community joined the love bank. <paramref name="PermanentResidents"/> (常住人口) is the
/// denominator of its participation rate.</summary>
public sealed record CommunityRegistered(
    Guid CommunityId,
    string Code,
    string NameZh,
    string NameEn,
    string City,
    string Street,
    int PermanentResidents,
    Instant RegisteredAt,
    string RegisteredBy);

/// <summary>Office staff set the community's redemption windows and whether points expire. <paramref name="Revision"/>
/// counts the changes, so a yearly expiry sweep scheduled under an older policy can tell it is stale.</summary>
public sealed record PointsPolicySet(
    Guid CommunityId,
    Duration DecisionWindow,
    Duration CollectionWindow,
    int? ExpireAfterYears,
    int Revision,
    Instant SetAt,
    string SetBy);
