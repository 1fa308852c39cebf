using Marten;
using Marten.Pagination;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Chest;
using Wolverine.Http;

namespace QunTuan.Api.Chest;

public sealed record ChestStatement(ChestView Chest, ResultPage<ChestLine> Movements);

public static class GetChestEndpoint
{
    /// <summary>The community chest: its balance and every movement, newest first.</summary>
    [WolverineGet("/api/communities/{communityId}/chest")]
    public static async Task<ChestStatement> Get(string communityId, int? page, int? pageSize, IQuerySession session,
        CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize, defaultSize: 50);
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);
        var chestId = CommunityChest.IdFor(community.Id);
        var chest = await session.LoadAsync<ChestView>(chestId, ct)
                    ?? throw LedgerRuleViolation.NotFound("chest", community.Code);
        var lines = await session.Query<ChestLine>().Where(x => x.ChestId == chestId)
            .OrderByDescending(x => x.Version)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        return new ChestStatement(chest,
            new ResultPage<ChestLine>(lines.ToList(), paging.Page, paging.PageSize, lines.TotalItemCount));
    }
}
