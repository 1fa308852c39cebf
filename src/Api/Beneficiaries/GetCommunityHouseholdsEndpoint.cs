using Marten;
using Marten.Pagination;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Projections.Beneficiaries;
using Wolverine.Http;

namespace QunTuan.Api.Beneficiaries;

public static class GetCommunityHouseholdsEndpoint
{
    /// <summary>The community's registered households, by grid and label: whom volunteers may redeem for.</summary>
    [WolverineGet("/api/communities/{communityId}/households")]
    public static async Task<ResultPage<HouseholdView>> Get(string communityId, int? page, int? pageSize,
        IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);
        var found = await session.Query<HouseholdView>().Where(x => x.CommunityId == community.Id)
            .OrderBy(x => x.Grid).ThenBy(x => x.Label)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        return new ResultPage<HouseholdView>(found.ToList(), paging.Page, paging.PageSize, found.TotalItemCount);
    }
}
