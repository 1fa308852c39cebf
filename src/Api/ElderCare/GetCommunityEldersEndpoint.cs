using Marten;
using Marten.Pagination;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Projections.ElderCare;
using Wolverine.Http;

namespace QunTuan.Api.ElderCare;

public static class GetCommunityEldersEndpoint
{
    /// <summary>A community's elders by grid and name, optionally one grid only.</summary>
    [WolverineGet("/api/communities/{communityId}/elders")]
    public static async Task<ResultPage<ElderView>> Get(string communityId, string? grid, int? page, int? pageSize,
        IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);
        var query = session.Query<ElderView>().Where(x => x.CommunityId == community.Id);
        if (!string.IsNullOrWhiteSpace(grid)) query = query.Where(x => x.Grid == grid);
        var result = await query.OrderBy(x => x.Grid).ThenBy(x => x.DisplayName)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        return new ResultPage<ElderView>(result.ToList(), paging.Page, paging.PageSize, result.TotalItemCount);
    }
}
