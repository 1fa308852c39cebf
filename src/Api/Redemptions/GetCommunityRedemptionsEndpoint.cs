using Marten;
using Marten.Pagination;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Redemptions;
using QunTuan.Projections.Redemptions;
using Wolverine.Http;

namespace QunTuan.Api.Redemptions;

public static class GetCommunityRedemptionsEndpoint
{
    /// <summary>
    /// The office queue: a community's redemptions in one status (requested by default), oldest first so none
    /// waits past its window unseen, each with the payer's available balance and who asked.
    /// </summary>
    [WolverineGet("/api/communities/{communityId}/redemptions")]
    public static async Task<ResultPage<RedemptionEntry>> Get(string communityId, string? status, int? page,
        int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var wanted = RedemptionListing.ParseStatus(status, RedemptionStatus.Requested)!.Value;
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);
        var found = await session.Query<RedemptionView>()
            .Where(x => x.CommunityId == community.Id && x.Status == wanted)
            .OrderBy(x => x.RequestedAt).ThenBy(x => x.Id)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        return new ResultPage<RedemptionEntry>(await RedemptionListing.Entries(session, found.ToList(), ct),
            paging.Page, paging.PageSize, found.TotalItemCount);
    }
}
