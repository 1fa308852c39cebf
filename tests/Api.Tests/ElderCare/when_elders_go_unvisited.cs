using NodaTime;
using QunTuan.Api.ElderCare;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Projections.ElderCare;

namespace QunTuan.Api.Tests.ElderCare;

/// <summary>
/// The overdue list over one week, the clock moved a day at a time. The seeded elders were registered on Monday
/// 2026-11-23, so until visited they count as last seen that day. With the default of two days an elder is
/// overdue when neither today nor yesterday had a visit.
/// </summary>
public sealed class when_elders_go_unvisited(AppFixture fixture) : ElderScenarios(fixture)
{
    [Fact]
    public async Task the_overdue_list_follows_the_visits_day_by_day_most_overdue_first()
    {
        var elders = (await Get<ResultPage<ElderView>>("/api/communities/lanhua/elders?pageSize=100")).Items;
        elders.Count.ShouldBe(Seeded.ElderCount);
        var lastSeen = elders.ToDictionary(e => e.Id, _ => Today);
        var monday = Today;

        // Visits per day of the week (0 = Monday), as (elder, days back from today the visit is dated).
        var visits = new Dictionary<int, (int Elder, int DaysBack)[]>
        {
            [0] = [(1, 0), (6, 0)],
            [1] = [(2, 0)],
            [2] = [(3, 0), (1, 0)],
            [3] = [],
            [4] = [(4, 1), (2, 0), (30, 0)], // elder 4's visit on Thursday is logged on Friday
            [5] = [(6, 0)],
            [6] = [(5, 0), (3, 1)]
        };

        for (var day = 0; day < 7; day++)
        {
            if (day > 0) NextDay();
            var today = monday.PlusDays(day);
            TodayNow.ShouldBe(today);
            foreach (var (elder, back) in visits[day])
            {
                var elderId = Seeded.Elder(elder);
                var date = today.PlusDays(-back);
                await Visited(elderId, await AnyHelperOf(elderId), date);
                if (date > lastSeen[elderId]) lastSeen[elderId] = date;
            }

            // Ties (same last-seen day) are ordered by grid and name in the database's collation; compare them
            // as sets and check the order by days unvisited, most first.
            var expected = elders
                .Where(e => Period.DaysBetween(lastSeen[e.Id], today) >= 2)
                .Select(e => (e.Id, Period.DaysBetween(lastSeen[e.Id], today)))
                .ToList();
            var overdue = await Overdue();
            overdue.Select(o => (o.ElderId, o.DaysUnvisited)).ShouldBe(expected, ignoreOrder: true,
                customMessage: $"{today:uuuu-MM-dd}");
            overdue.Select(o => o.DaysUnvisited).ShouldBe(expected.Select(e => e.Item2).OrderDescending(),
                $"{today:uuuu-MM-dd}: most overdue first");
        }

        // Sunday: the 23 elders never visited lead with 6 days, then elder 1 (last seen Wednesday), elder 4
        // (Thursday), elders 2 and 30 (Friday). Elders 3 and 6 (Saturday) and 5 (today) are not overdue.
        var sunday = await Overdue();
        sunday.Count.ShouldBe(Seeded.ElderCount - 3);
        sunday.Take(23).ShouldAllBe(o => o.DaysUnvisited == 6 && o.LastVisitDate == null);
        sunday.Skip(23).Take(2).Select(o => (o.ElderId, o.DaysUnvisited)).ShouldBe([
            (Seeded.Elder(1), 4), (Seeded.Elder(4), 3)
        ]);
        sunday.Skip(25).Select(o => (o.ElderId, o.DaysUnvisited)).ShouldBe([
            (Seeded.Elder(2), 2), (Seeded.Elder(30), 2)
        ], ignoreOrder: true);
        sunday.Single(o => o.ElderId == Seeded.Elder(1)).LastVisitDate.ShouldBe(monday.PlusDays(2));
        sunday.Single(o => o.ElderId == Seeded.Elder(1)).ActiveHelpers.Count.ShouldBe(3);
        sunday.Select(o => o.ElderId).ShouldNotContain(Seeded.Elder(3));

        (await Overdue(days: 1)).Count.ShouldBe(Seeded.ElderCount - 1); // only elder 5 was visited today
        (await Overdue(days: 7)).ShouldBeEmpty(); // everyone was registered this week
    }

    [Fact]
    public async Task days_since_the_last_visit_and_visits_this_week_are_computed_from_the_clock()
    {
        var elderId = Seeded.Elder(1);
        App.Clock.Advance(Duration.FromDays(6)); // Sunday 29 November
        await Visited(elderId, GridLeader1);
        await Visited(elderId, GridMember1);
        NextDay(); // Monday: a new week
        await Visited(elderId, PartyMember1);

        var monday = await Coverage(elderId);
        monday.WeekStart.ShouldBe(new LocalDate(2026, 11, 30));
        monday.VisitsThisWeek.ShouldBe(1);
        monday.DaysSinceLastVisit.ShouldBe(0);

        App.Clock.Advance(Duration.FromDays(3)); // Thursday, nobody came
        var thursday = await Coverage(elderId);
        thursday.Today.ShouldBe(new LocalDate(2026, 12, 3));
        thursday.LastVisitDate.ShouldBe(new LocalDate(2026, 11, 30));
        thursday.DaysSinceLastVisit.ShouldBe(3);
        thursday.VisitsThisWeek.ShouldBe(1);
        thursday.VisitsToday.ShouldBe(0);
        thursday.TotalVisits.ShouldBe(3);

        App.Clock.Advance(Duration.FromDays(4)); // the Monday after: the old visits are last week's
        (await Coverage(elderId)).VisitsThisWeek.ShouldBe(0);
    }

    private async Task<Guid> AnyHelperOf(Guid elderId) =>
        (await Get<ElderDetails>($"/api/elders/{elderId}")).Elder.Helpers[0].VolunteerId;
}
