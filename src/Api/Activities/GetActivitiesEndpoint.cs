using Marten;
using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Activities;
using Wolverine.Http;

namespace QunTuan.Api.Activities;

public sealed record ActivitySummary(
    string Code,
    string NameZh,
    string NameEn,
    string Unit,
    RuleVersionView? CurrentRule);

public sealed record CategoryCatalog(string Code, string NameZh, string NameEn, IReadOnlyList<ActivitySummary> Activities);

public sealed record ActivityCatalog(LocalDate AsOf, IReadOnlyList<CategoryCatalog> Categories);

public static class GetActivitiesEndpoint
{
    /// <summary>The public catalog: both categories with their subcategories and the rule in force today.</summary>
    [WolverineGet("/api/activities")]
    public static async Task<ActivityCatalog> Get(IQuerySession session, IClock clock, CancellationToken ct)
    {
        var today = ShanghaiCalendar.Today(clock.GetCurrentInstant());
        var activities = await session.Query<ActivityView>().OrderBy(x => x.Code).ToListAsync(ct);
        var categories = ActivityCategory.All.Select(c => new CategoryCatalog(c.Code, c.NameZh, c.NameEn,
            activities.Where(a => a.CategoryCode == c.Code)
                .Select(a => new ActivitySummary(a.Code, a.NameZh, a.NameEn, a.Unit,
                    a.RuleOn(today)))
                .ToList())).ToList();
        return new ActivityCatalog(today, categories);
    }
}
