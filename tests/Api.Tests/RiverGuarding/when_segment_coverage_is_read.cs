using NodaTime;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.RiverGuarding;

namespace QunTuan.Api.Tests.RiverGuarding;

public sealed class when_segment_coverage_is_read(AppFixture fixture) : RiverScenarios(fixture)
{
    [Fact]
    public async Task each_segment_shows_its_last_patrol_patrols_this_month_and_open_findings()
    {
        await Patrol(Lanjiang, new LocalDate(2026, 10, 30), Members[..2]);
        await Patrol(Lanjiang, new LocalDate(2026, 11, 2), Members[..2], creditNow: false,
            findings: [Litter(5, RiverFindingSeverity.Medium)]);
        await Patrol(Lanjiang, Yesterday, Members[1..3]);

        var segments = await Coverage(Team);

        segments.Select(s => (s.Name, s.LengthMetres)).ShouldBe([("兰江兰花段", 1200), ("社区内河", 800)]);
        var lanjiang = segments[0];
        lanjiang.Month.ShouldBe("2026-11");
        lanjiang.LastPatrolDate.ShouldBe(Yesterday);
        lanjiang.PatrolsThisMonth.ShouldBe(2);
        lanjiang.TotalPatrols.ShouldBe(3);
        lanjiang.OpenFindingsCount.ShouldBe(1);
        lanjiang.OpenFindings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Kind.ShouldBe(RiverFindingKind.Litter),
            f => f.Severity.ShouldBe(RiverFindingSeverity.Medium),
            f => f.ReportedOn.ShouldBe(new LocalDate(2026, 11, 2)));
        var inner = segments[1];
        inner.LastPatrolDate.ShouldBeNull();
        inner.PatrolsThisMonth.ShouldBe(0);
        inner.OpenFindings.ShouldBeEmpty();
    }

    [Fact]
    public async Task patrols_this_month_starts_again_from_zero_when_the_month_turns()
    {
        await Patrol(InnerRiver, Yesterday, Members[..1]);
        await Patrol(InnerRiver, Yesterday, Members[1..2], findings: [Litter()]);
        (await Coverage(Team, InnerRiver)).PatrolsThisMonth.ShouldBe(2);

        App.Clock.Advance(Duration.FromDays(8)); // Tuesday 1 December 2026, 10:00 in Zhejiang

        var december = await Coverage(Team, InnerRiver);
        december.Month.ShouldBe("2026-12");
        december.PatrolsThisMonth.ShouldBe(0);
        december.LastPatrolDate.ShouldBe(Yesterday);
        december.TotalPatrols.ShouldBe(2);
        december.OpenFindingsCount.ShouldBe(1);

        await Patrol(InnerRiver, new LocalDate(2026, 12, 1), Members[..1], new LocalTime(7, 0), new LocalTime(8, 30));
        (await Coverage(Team, InnerRiver)).PatrolsThisMonth.ShouldBe(1);
    }

    [Fact]
    public async Task the_month_is_the_shanghai_one_not_the_utc_one()
    {
        await Patrol(Lanjiang, Yesterday, Members[..1]);
        // 30 November 2026, 16:30 UTC is already 1 December 00:30 in Zhejiang.
        App.Clock.Reset(Instant.FromUtc(2026, 11, 30, 16, 30));

        var coverage = await Coverage(Team, Lanjiang);

        coverage.Month.ShouldBe("2026-12");
        coverage.PatrolsThisMonth.ShouldBe(0);
    }
}
