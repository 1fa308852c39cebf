using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Certificates;
using QunTuan.Ledger.Shared;
using Wolverine.Http;

namespace QunTuan.Api.Certificates;

public static class GetCertificateEndpoint
{
    /// <summary>The certificate as JSON, with the chain position and hash that prove it.</summary>
    [WolverineGet("/api/certificates/{certificateId}")]
    public static async Task<CertificateView> Get(string certificateId, IQuerySession session, CancellationToken ct) =>
        await CertificateView.Of(await Load(session, certificateId, ct), session, ct);

    public static async Task<Certificate> Load(IQuerySession session, string certificateId, CancellationToken ct) =>
        await session.LoadAsync<Certificate>(Ids.FromRoute(certificateId, "certificate"), ct)
        ?? throw LedgerRuleViolation.NotFound("certificate", certificateId);
}
