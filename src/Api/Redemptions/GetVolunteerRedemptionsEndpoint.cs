using Marten;
using Marten.Pagination;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Redemptions;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Redemptions;

public static class GetVolunteerRedemptionsEndpoint
{
    /// <summary>A volunteer's redemptions (for themself and on behalf of others), newest first, any status unless
    /// one is asked for.</summary>
    [WolverineGet("/api/volunteers/{volunteerId}/redemptions")]
    public static async Task<ResultPage<RedemptionEntry>> Get(string volunteerId, string? status, int? page,
        int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var wanted = RedemptionListing.ParseStatus(status, null);
        var id = Ids.FromRoute(volunteerId, "volunteer");
        _ = await session.LoadAsync<VolunteerProfile>(id, ct) ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId);
        var query = session.Query<RedemptionView>().Where(x => x.VolunteerId == id);
        if (wanted is { } s) query = query.Where(x => x.Status == s);
        var found = await query.OrderByDescending(x => x.RequestedAt).ThenByDescending(x => x.Id)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        return new ResultPage<RedemptionEntry>(await RedemptionListing.Entries(session, found.ToList(), ct),
            paging.Page, paging.PageSize, found.TotalItemCount);
    }
}
