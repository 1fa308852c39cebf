using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Certificates;
using QunTuan.Ledger.Shared;
using Wolverine.Http;

namespace QunTuan.Api.Certificates;

/// <param name="Reason">Null when valid; else <c>history_altered</c>, <c>certificate_altered</c> or
/// <c>chain_rewritten</c>.</param>
/// <param name="Digest">The check code recorded at issue, to compare with the one printed on the paper.</param>
public sealed record CertificateVerification(Guid CertificateId, bool Valid, string? Reason, string Digest,
    Instant CheckedAt);

public static class VerifyCertificateEndpoint
{
    /// <summary>
    /// Public: tells anyone holding a certificate (a school, an employer, an award committee) whether it still
    /// matches the ledger, and nothing else about the volunteer.
    /// </summary>
    [WolverineGet("/api/certificates/{certificateId}/verify")]
    public static async Task<CertificateVerification> Get(string certificateId, IDocumentStore store, IClock clock,
        CancellationToken ct)
    {
        var result = await CertificateCheck.RunAsync(store, Ids.FromRoute(certificateId, "certificate"), ct)
                     ?? throw LedgerRuleViolation.NotFound("certificate", certificateId);
        return new CertificateVerification(result.CertificateId, result.Valid, result.Reason, result.Digest,
            clock.GetCurrentInstant());
    }
}
