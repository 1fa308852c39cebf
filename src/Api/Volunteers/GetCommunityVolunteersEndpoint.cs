using Marten;
using Marten.Pagination;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Volunteers;

public static class GetCommunityVolunteersEndpoint
{
    [WolverineGet("/api/communities/{communityId}/volunteers")]
    public static async Task<ResultPage<VolunteerView>> Get(string communityId, string? grid, int? page,
        int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);
        var query = session.Query<VolunteerProfile>().Where(x => x.CommunityId == community.Id);
        if (!string.IsNullOrWhiteSpace(grid)) query = query.Where(x => x.Grid == grid);
        var result = await query.OrderBy(x => x.Grid).ThenBy(x => x.RegisteredAt)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        return new ResultPage<VolunteerView>(await VolunteerNames.Views(session, result.ToList(), ct), paging.Page,
            paging.PageSize, result.TotalItemCount);
    }
}
