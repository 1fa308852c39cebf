using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Patrols;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Patrols;

public sealed class when_a_community_lists_its_patrol_shifts(AppFixture fixture) : PatrolScenarios(fixture)
{
    private static readonly Duration Day = Duration.FromDays(1);

    [Fact]
    public async Task shifts_come_newest_first_and_filter_by_shanghai_service_date()
    {
        var today = await ScheduleShift(area: "今天");
        var tomorrow = await ScheduleShift(Start + Day, End + Day, area: "明天");
        // 23:30 on 25 November in Zhejiang is still 25 November there, though 15:30 UTC.
        var lateNight = await ScheduleShift(Instant.FromUtc(2026, 11, 25, 15, 30), Instant.FromUtc(2026, 11, 25, 19, 30),
            area: "深夜");
        var nextWeek = await ScheduleShift(Start + 7 * Day, End + 7 * Day, area: "下周");
        await CheckedIn(today.ShiftId, Seeded.ZhangXiaomei);

        var all = await Get<ResultPage<PatrolShiftSummary>>("/api/communities/lanhua/patrol-shifts");
        all.Items.Select(s => s.Id).ShouldBe([nextWeek.ShiftId, lateNight.ShiftId, tomorrow.ShiftId, today.ShiftId]);
        all.TotalCount.ShouldBe(4);
        all.Items.Last().PersonTimes.ShouldBe(1);

        var window = await Get<ResultPage<PatrolShiftSummary>>(
            "/api/communities/lanhua/patrol-shifts?from=2026-11-24&to=2026-11-25");
        window.Items.Select(s => s.Id).ShouldBe([lateNight.ShiftId, tomorrow.ShiftId]);
        window.Items[0].ServiceDate.ShouldBe(new LocalDate(2026, 11, 25));

        var paged = await Get<ResultPage<PatrolShiftSummary>>(
            $"/api/communities/{Seeded.Lanhua}/patrol-shifts?from=2026-11-24&page=2&pageSize=2");
        paged.Items.ShouldHaveSingleItem().Id.ShouldBe(tomorrow.ShiftId);
        paged.TotalCount.ShouldBe(3);
    }
}
