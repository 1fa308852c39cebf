using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.Shared;
using Wolverine.Http;

namespace QunTuan.Api.Audit;

public static class GetStreamTrailEndpoint
{
    /// <summary>
    /// Every event of one stream (an account, a service record, a shift, an elder...) in version order, with type,
    /// data, recorded time, version, acting user and correlation id; filtered by period (<c>from</c>, <c>to</c>) and
    /// event type (<c>type=points_credited,points_adjusted</c>); paged, or all of it with <c>format=csv</c>.
    /// </summary>
    [WolverineGet("/api/audit/streams/{streamId}/events")]
    public static async Task<IResult> Get(string streamId, string? from, string? to, string? type, int? page,
        int? pageSize, string? format, IDocumentStore store, IQuerySession session, CancellationToken ct)
    {
        var id = Ids.FromRoute(streamId, "stream");
        var paging = Paging.From(page, pageSize, defaultSize: 50);
        var (start, end) = AuditQuery.Period(from, to);
        var query = new TrailQuery(StreamId: id, From: start, To: end, Types: AuditQuery.Types(type, store));
        var csv = AuditQuery.Csv(format);
        if (await session.Events.FetchStreamStateAsync(id, ct) is null)
            throw LedgerRuleViolation.NotFound("stream", streamId);

        if (csv) return AuditCsv.Trail(EventTrail.AllAsync(store, query, ct), $"stream-{id}.csv");
        var (events, total) = await EventTrail.PageAsync(store, query, paging.Skip, paging.PageSize, ct);
        return Results.Ok(new ResultPage<TrailEvent>(events, paging.Page, paging.PageSize, total));
    }
}
