using Marten;
using Marten.Pagination;
using NodaTime;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.ElderCare;
using Wolverine.Http;

namespace QunTuan.Api.ElderCare;

public sealed record OverdueElder(
    Guid ElderId,
    string DisplayName,
    string Grid,
    LocalDate? LastVisitDate,
    int DaysUnvisited,
    IReadOnlyList<ActiveHelper> ActiveHelpers);

public static class GetOverdueEldersEndpoint
{
    public const int DefaultDays = 2;
    public const int MaxDays = 30;

    /// <summary>
    /// Elders with no visit dated in the last <paramref name="days"/> days counting today (so days=1: not seen
    /// today), never-visited elders counting from registration; most overdue first.
    /// </summary>
    [WolverineGet("/api/communities/{communityId}/elders/overdue")]
    public static async Task<ResultPage<OverdueElder>> Get(string communityId, int? days, int? page, int? pageSize,
        IQuerySession session, IClock clock, CancellationToken ct)
    {
        var window = days ?? DefaultDays;
        if (window is < 1 or > MaxDays)
            throw new RequestRejected("days", "days_out_of_range",
                $"days 须在 1 到 {MaxDays} 之间 / days must be between 1 and {MaxDays}");
        var paging = Paging.From(page, pageSize);
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);
        var today = ShanghaiCalendar.Today(clock.GetCurrentInstant());
        var seenBy = ElderCoverage.DayNumber(today.PlusDays(-window));

        var overdue = await session.Query<ElderCoverage>()
            .Where(x => x.CommunityId == community.Id && x.LastSeenDay <= seenBy)
            .OrderBy(x => x.LastSeenDay).ThenBy(x => x.Grid).ThenBy(x => x.DisplayName)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        var items = overdue.Select(c => new OverdueElder(c.Id, c.DisplayName, c.Grid, c.LastVisitDate,
            c.DaysUnvisited(today), c.ActiveHelpers.OrderBy(h => h.Role).ToList())).ToList();
        return new ResultPage<OverdueElder>(items, paging.Page, paging.PageSize, overdue.TotalItemCount);
    }
}
