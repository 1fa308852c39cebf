using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.ElderCare;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.ElderCare;

public sealed record HelperCoverage(HelperRole Role, Guid VolunteerId, string? DisplayName, int VisitsThisWeek);

/// <summary>
/// Coverage as of <see cref="Today"/> (Asia/Shanghai). <see cref="DaysSinceLastVisit"/> is null for an elder
/// never visited; <see cref="DaysUnvisited"/> then counts from registration.
/// </summary>
public sealed record ElderCoverageReport(
    Guid ElderId,
    string DisplayName,
    string Grid,
    LocalDate Today,
    LocalDate WeekStart,
    LocalDate? LastVisitDate,
    int? DaysSinceLastVisit,
    int DaysUnvisited,
    int VisitsToday,
    int VisitsThisWeek,
    int TotalVisits,
    IReadOnlyList<HelperCoverage> ActiveHelpers);

public static class GetElderCoverageEndpoint
{
    [WolverineGet("/api/elders/{elderId}/coverage")]
    public static async Task<ElderCoverageReport> Get(string elderId, IQuerySession session, IClock clock,
        CancellationToken ct)
    {
        var coverage = await session.LoadAsync<ElderCoverage>(Ids.FromRoute(elderId, "elder"), ct)
                       ?? throw LedgerRuleViolation.NotFound("elder", elderId);
        var names = await QunTuan.Api.Volunteers.VolunteerNames.Load(session,
            coverage.ActiveHelpers.Select(h => h.VolunteerId), ct);
        var today = ShanghaiCalendar.Today(clock.GetCurrentInstant());

        return new ElderCoverageReport(coverage.Id, coverage.DisplayName, coverage.Grid, today,
            ShanghaiCalendar.WeekStart(today), coverage.LastVisitDate, coverage.DaysSinceLastVisit(today),
            coverage.DaysUnvisited(today), coverage.VisitsOn(today), coverage.VisitsInWeekOf(today),
            coverage.TotalVisits,
            coverage.ActiveHelpers.OrderBy(h => h.Role).Select(h => new HelperCoverage(h.Role, h.VolunteerId,
                names.GetValueOrDefault(h.VolunteerId), coverage.VisitsInWeekOf(today, h.VolunteerId))).ToList());
    }
}
