using Marten;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Audit;
using Wolverine.Http;

namespace QunTuan.Api.Audit;

public static class GetCommunityTrailEndpoint
{
    /// <summary>
    /// Every event of a community in a period, across all its streams, in the order they were written; paged, or all
    /// of it with <c>format=csv</c>.
    /// </summary>
    [WolverineGet("/api/audit/communities/{communityId}/events")]
    public static async Task<IResult> Get(string communityId, string? from, string? to, string? type, int? page,
        int? pageSize, string? format, IDocumentStore store, IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize, defaultSize: 50);
        var (start, end) = AuditQuery.Period(from, to);
        var types = AuditQuery.Types(type, store);
        var csv = AuditQuery.Csv(format);
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);
        var query = new TrailQuery(Chain: AuditChain.For(community.Id), From: start, To: end, Types: types);

        if (csv) return AuditCsv.Trail(EventTrail.AllAsync(store, query, ct), $"community-{community.Code}.csv");
        var (events, total) = await EventTrail.PageAsync(store, query, paging.Skip, paging.PageSize, ct);
        return Results.Ok(new ResultPage<TrailEvent>(events, paging.Page, paging.PageSize, total));
    }
}
