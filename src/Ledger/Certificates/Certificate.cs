using NodaTime;

namespace QunTuan.Ledger.Certificates;

/// <summary>An issued certificate. It never changes: a new period or a corrected account means a new certificate.</summary>
public sealed record Certificate(
    Guid Id,
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
    string IssuedBy)
{
    public static Certificate Create(CertificateIssued e) =>
        new(e.CertificateId, e.VolunteerId, e.CommunityId, e.From, e.To, e.Lines, e.AdjustmentPoints, e.TotalMinutes,
            e.TotalPoints, e.AccountVersion, e.Chain, e.ChainPosition, e.ChainHash, e.Digest, e.IssuedAt, e.IssuedBy);
}
