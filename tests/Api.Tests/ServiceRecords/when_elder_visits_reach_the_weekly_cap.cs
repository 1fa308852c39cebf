using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.ServiceRecords;

/// <summary>PV01 pays 5 points a visit up to 20 a calendar week (Monday to Sunday, Asia/Shanghai).</summary>
public sealed class when_elder_visits_reach_the_weekly_cap(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task visits_beyond_the_cap_count_as_service_time_but_earn_nothing()
    {
        var monday = Today; // 2026-11-23
        (await Credit(Seeded.ZhangXiaomei, "PV01", monday, occasions: 3)).Points.ShouldBe(15);

        var partly = await Credit(Seeded.ZhangXiaomei, "PV01", monday, occasions: 2);
        partly.Points.ShouldBe(5);
        partly.WeeklyCapReached.ShouldBeTrue();
        var capped = await Credit(Seeded.ZhangXiaomei, "PV01", monday);
        capped.Points.ShouldBe(0);

        var balance = await Balance(Seeded.ZhangXiaomei);
        balance.Available.ShouldBe(20);
        balance.LifetimeServiceMinutes.ShouldBe(6 * 20); // standard 20 minutes a visit, all counted
    }

    [Fact]
    public async Task the_sunday_before_belongs_to_the_previous_week()
    {
        (await Credit(Seeded.ZhangXiaomei, "PV01", Today, occasions: 4)).Points.ShouldBe(20);

        (await Credit(Seeded.ZhangXiaomei, "PV01", Today.PlusDays(-1), occasions: 4)).Points.ShouldBe(20);
    }

    [Fact]
    public async Task reversing_a_capped_visit_gives_the_week_its_room_back()
    {
        var first = await Credit(Seeded.ZhangXiaomei, "PV01", Today, occasions: 4); // 20, cap full
        (await Post($"/api/service-records/{first.RecordId}/reversal",
                new QunTuan.Api.ServiceRecords.ReverseServiceRecordRequest(
                    QunTuan.Ledger.Volunteers.CorrectionReason.EntryError, "登记错老人 / wrong elder")))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        (await Credit(Seeded.ZhangXiaomei, "PV01", Today, occasions: 2)).Points.ShouldBe(10);
    }
}
