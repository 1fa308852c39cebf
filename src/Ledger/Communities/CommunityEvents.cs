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
