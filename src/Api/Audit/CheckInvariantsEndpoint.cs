using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Projections.Audit;
using Wolverine.Http;

namespace QunTuan.Api.Audit;

public static class CheckInvariantsEndpoint
{
    public const int MaxSample = 10_000;

    /// <summary>
    /// Checks the ledger invariants I1-I8 over the whole store and reports each with its figures. <c>sample</c> is how
    /// many documents of each single-stream type are folded again from their events for I6 (default 200).
    /// </summary>
    [WolverineGet("/api/audit/invariants")]
    public static Task<InvariantReport> Get(int? sample, IDocumentStore store, IClock clock,
        ILogger<InvariantReport> logger, CancellationToken ct)
    {
        if (sample is < 1 or > MaxSample)
            throw new RequestRejected("sample", "sample_out_of_range",
                $"sample 须在 1 到 {MaxSample} 之间 / sample must be between 1 and {MaxSample}");
        return InvariantCheck.RunAsync(store, clock.GetCurrentInstant(), sample ?? 200,
            line => logger.LogInformation("audit invariants: {Result}", line), ct);
    }
}
