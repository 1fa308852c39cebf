using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ElderCare;
using QunTuan.Projections.ServiceRecords;

namespace QunTuan.Api.Tests.ElderCare;

/// <summary>
/// PV01 pays 5 points a visit and at most 20 a week per helper, however many elders they visit. 钱卫东 leads the
/// grid for elders 1, 2 and 3, so three visits a day are possible.
/// </summary>
public sealed class when_a_helper_visits_past_the_weekly_cap(AppFixture fixture) : ElderScenarios(fixture)
{
    [Fact]
    public async Task the_visit_over_the_cap_is_credited_with_zero_points_and_says_why()
    {
        foreach (var elder in new[] { 1, 2, 3 })
            (await Visited(Seeded.Elder(elder), GridLeader1)).Points.ShouldBe(5); // Monday: 15
        NextDay();
        var fourth = await Visited(Seeded.Elder(1), GridLeader1); // Tuesday: 20, the cap

        var response = await Visit(Seeded.Elder(2), GridLeader1);
        var fifth = await Read<ElderVisitLogged>(response);

        fourth.Points.ShouldBe(5);
        fourth.Reason.ShouldBeNull();
        fifth.Points.ShouldBe(0);
        fifth.Reason.ShouldBe(VisitCreditReason.WeeklyCapReached);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"reason\":\"weekly_cap_reached\"");
        var record = await Get<ServiceRecordView>($"/api/service-records/{fifth.RecordId}");
        record.Points.ShouldBe(0);
        record.Minutes.ShouldBe(20); // the time still counts
        record.WeeklyCapReached.ShouldBeTrue();

        var balance = await Balance(GridLeader1);
        balance.Available.ShouldBe(20);
        balance.LifetimeServiceMinutes.ShouldBe(5 * 20);
    }

    [Fact]
    public async Task the_cap_is_per_helper_and_a_new_week_starts_afresh()
    {
        foreach (var elder in new[] { 1, 2, 3 }) await Visited(Seeded.Elder(elder), GridLeader1);
        NextDay();
        foreach (var elder in new[] { 1, 2 }) await Visited(Seeded.Elder(elder), GridLeader1); // 20, then capped

        (await Visited(Seeded.Elder(2), GridMember1)).Points.ShouldBe(5); // another helper, own cap

        App.Clock.Advance(NodaTime.Duration.FromDays(6)); // next Monday
        var monday = await Visited(Seeded.Elder(3), GridLeader1);
        monday.Points.ShouldBe(5);
        monday.Reason.ShouldBeNull();
        (await Balance(GridLeader1)).Available.ShouldBe(25);
    }
}
