using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Shared;

namespace QunTuan.Projections.ElderCare;

public sealed record ActiveHelper(HelperRole Role, Guid VolunteerId);

/// <summary>How many visits one helper logged on one day.</summary>
public sealed record DayVisits(LocalDate Date, Guid VolunteerId, int Visits);

/// <summary>
/// Is the elder being seen? Stores only facts that do not age: the last visit date, and visit counts per day
/// and helper for this week and last (older days are dropped as visits arrive, so the document stays small).
/// "Days since" and "this week" depend on today, so they are computed when read, from the caller's clock.
/// <see cref="LastSeenOn"/> is the last visit date, or the registration date for an elder never visited;
/// <see cref="LastSeenDay"/> is the same date as a day number, which the overdue list queries and sorts on
/// (Marten's LINQ cannot compare NodaTime values inside PostgreSQL).
/// </summary>
public sealed record ElderCoverage(
    Guid Id,
    Guid CommunityId,
    string DisplayName,
    string Grid,
    LocalDate RegisteredOn,
    LocalDate? LastVisitDate,
    LocalDate LastSeenOn,
    int LastSeenDay,
    int TotalVisits,
    IReadOnlyList<ActiveHelper> ActiveHelpers,
    IReadOnlyList<DayVisits> RecentVisits)
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    /// <summary>Days since 1970-01-01: a date as a number PostgreSQL compares and sorts.</summary>
    public static int DayNumber(LocalDate date) => Period.DaysBetween(Epoch, date);

    /// <summary>Days without a visit: since the last one, or since registration if there was none.</summary>
    public int DaysUnvisited(LocalDate today) => Math.Max(0, Period.DaysBetween(LastSeenOn, today));

    public int? DaysSinceLastVisit(LocalDate today) =>
        LastVisitDate is { } last ? Math.Max(0, Period.DaysBetween(last, today)) : null;

    /// <summary>Visits in the Monday-to-Sunday week holding <paramref name="today"/> (Asia/Shanghai), by anyone
    /// or by one helper.</summary>
    public int VisitsInWeekOf(LocalDate today, Guid? volunteerId = null)
    {
        var monday = ShanghaiCalendar.WeekStart(today);
        return RecentVisits
            .Where(v => v.Date >= monday && v.Date < monday.PlusDays(7))
            .Where(v => volunteerId is null || v.VolunteerId == volunteerId)
            .Sum(v => v.Visits);
    }

    public int VisitsOn(LocalDate date) => RecentVisits.Where(v => v.Date == date).Sum(v => v.Visits);
}

public sealed partial class ElderCoverageProjection : SingleStreamProjection<ElderCoverage, Guid>
{
    public ElderCoverage Create(ElderRegistered e)
    {
        var registeredOn = ShanghaiCalendar.Today(e.RegisteredAt);
        return new ElderCoverage(e.ElderId, e.CommunityId, e.DisplayName, e.Grid, registeredOn, null, registeredOn,
            ElderCoverage.DayNumber(registeredOn), 0, [], []);
    }

    public ElderCoverage Apply(ElderHelperPaired e, ElderCoverage c) =>
        c with
        {
            ActiveHelpers = [..c.ActiveHelpers.Where(h => h.Role != e.Role), new ActiveHelper(e.Role, e.VolunteerId)]
        };

    public ElderCoverage Apply(ElderHelperUnpaired e, ElderCoverage c) =>
        c with { ActiveHelpers = [..c.ActiveHelpers.Where(h => h.Role != e.Role || h.VolunteerId != e.VolunteerId)] };

    public ElderCoverage Apply(ElderVisitLogged e, ElderCoverage c)
    {
        // Keeps this week and last, counted from the day the visit was logged (the event's own time, so a
        // rebuild keeps exactly the same days).
        var keepFrom = ShanghaiCalendar.WeekStart(ShanghaiCalendar.Today(e.LoggedAt)).PlusDays(-7);
        var counted = c.RecentVisits.Where(v => v.Date >= keepFrom).ToList();
        if (e.VisitDate >= keepFrom)
        {
            var index = counted.FindIndex(v => v.Date == e.VisitDate && v.VolunteerId == e.VolunteerId);
            if (index >= 0) counted[index] = counted[index] with { Visits = counted[index].Visits + 1 };
            else counted.Add(new DayVisits(e.VisitDate, e.VolunteerId, 1));
        }
        var last = c.LastVisitDate is { } known && known > e.VisitDate ? known : e.VisitDate;
        var seen = last > c.RegisteredOn ? last : c.RegisteredOn;
        return c with
        {
            LastVisitDate = last,
            LastSeenOn = seen,
            LastSeenDay = ElderCoverage.DayNumber(seen),
            TotalVisits = c.TotalVisits + 1,
            RecentVisits = [..counted.OrderBy(v => v.Date).ThenBy(v => v.VolunteerId)]
        };
    }
}
