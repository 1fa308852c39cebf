using Marten;
using NodaTime;
using QunTuan.Ledger.Audit;
using Wolverine.Http;

namespace QunTuan.Api.Audit;

public static class VerifyChainEndpoint
{
    /// <summary>
    /// Recomputes every community's hash chain from the event table as it is now and names the first event that was
    /// modified, deleted or inserted behind the application's back.
    /// </summary>
    [WolverineGet("/api/audit/chain/verify")]
    public static Task<ChainVerification> Get(IDocumentStore store, IClock clock, ILogger<ChainVerification> logger,
        CancellationToken ct) =>
        ChainVerifier.VerifyAsync(store, clock.GetCurrentInstant(), progress: line => logger.LogInformation("audit verify: {Progress}", line), ct: ct);
}
