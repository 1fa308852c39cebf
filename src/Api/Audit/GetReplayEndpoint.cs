using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using Wolverine.Http;

namespace QunTuan.Api.Audit;

public static class GetReplayEndpoint
{
    /// <summary>A replay's report: its progress while it runs, then its figures and differences.</summary>
    [WolverineGet("/api/audit/replays/{replayId}")]
    public static async Task<ReplayReport> Get(string replayId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ReplayReport>(Ids.FromRoute(replayId, "replay"), ct)
        ?? throw LedgerRuleViolation.NotFound("replay", replayId);
}
