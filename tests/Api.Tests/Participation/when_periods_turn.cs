using System.Net;
using NodaTime;
using QunTuan.Api.Participation;
using QunTuan.Api.Patrols;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Patrols;

namespace QunTuan.Api.Tests.Participation;

/// <summary>Periods are cut in Asia/Shanghai: what happened on a local date counts in that date's period.</summary>
public sealed class when_periods_turn(AppFixture fixture) : Scenarios(fixture)
{
    private async Task Patrol(LocalDateTime localStart)
    {
        var start = localStart.InZoneStrictly(QunTuan.Ledger.Shared.ShanghaiCalendar.Zone).ToInstant();
        App.Clock.Reset(start.Minus(Duration.FromHours(1)));
        var shift = await Read<PatrolShiftScheduled>(await Post("/api/patrol-shifts",
            new SchedulePatrolShiftRequest("lanhua", "兰花路", start, start.Plus(Duration.FromHours(2)))));
        App.Clock.Reset(start);
        (await Post($"/api/patrol-shifts/{shift.ShiftId}/check-ins", new CheckInRequest(Seeded.ZhangXiaomei)))
            .ShouldBe(HttpStatusCode.Created);
        App.Clock.Reset(start.Plus(Duration.FromHours(3)));
        (await Post($"/api/patrol-shifts/{shift.ShiftId}/close", new ClosePatrolShiftRequest(true)))
            .ShouldBe(HttpStatusCode.OK);
    }

    private Task<ParticipationReport> Report(string period) =>
        Get<ParticipationReport>($"/api/communities/lanhua/participation?period={period}&fresh=true");

    [Fact]
    public async Task a_patrol_on_31_march_at_23_30_local_counts_in_the_first_quarter()
    {
        await Patrol(new LocalDateTime(2026, 3, 31, 23, 30)); // 15:30 UTC, same day

        (await Report("2026-Q1")).PersonTimes.ShouldBe(1);
        (await Report("2026-03")).PersonTimes.ShouldBe(1);
        (await Report("2026-Q2")).PersonTimes.ShouldBe(0);
    }

    [Fact]
    public async Task a_patrol_on_1_april_at_07_30_local_counts_in_the_second_quarter_though_utc_says_march()
    {
        await Patrol(new LocalDateTime(2026, 4, 1, 7, 30)); // 23:30 UTC on 31 March

        (await Report("2026-Q2")).PersonTimes.ShouldBe(1);
        (await Report("2026-04")).Sessions.ShouldBe(1);
        (await Report("2026-Q1")).PersonTimes.ShouldBe(0);
        (await Report("2026")).PersonTimes.ShouldBe(1);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("26-Q1")]
    [InlineData("2026-13")]
    [InlineData("Q1-2026")]
    public async Task a_malformed_period_is_refused(string period)
    {
        await (await Client.GetAsync($"/api/communities/lanhua/participation?period={period}"))
            .ShouldBeProblem(400, "invalid_period", "period");
    }
}
