using NodaTime;

namespace QunTuan.Ledger.Certificates;

/// <summary>One activity's share of a certificate: services that still count, their minutes and points.</summary>
public sealed record CertificateLine(string CategoryCode, string ActivityCode, int Services, int Minutes, int Points);

/// <summary>
/// A volunteer service record certificate (志愿服务记录证明) was issued for the services dated
/// <paramref name="From"/> to <paramref name="To"/>, as the account stood at <paramref name="AccountVersion"/>. The
/// chain position and hash are those of the link of that account event: the certificate proves its figures against
/// the hash chain. <paramref name="Digest"/> (校验码) is printed on the certificate and checked by anyone verifying it.
/// </summary>
public sealed record CertificateIssued(
    Guid CertificateId,
    Guid VolunteerId,
    Guid CommunityId,
    LocalDate From,
    LocalDate To,
    CertificateLine[] Lines,
    int AdjustmentPoints,
    int TotalMinutes,
    int TotalPoints,
    long AccountVersion,
    string Chain,
    long ChainPosition,
    string ChainHash,
    string Digest,
    Instant IssuedAt,
    string IssuedBy);
