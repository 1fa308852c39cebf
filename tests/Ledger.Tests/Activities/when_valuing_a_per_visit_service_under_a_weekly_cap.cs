using QunTuan.Ledger.Activities;

namespace QunTuan.Ledger.Tests.Activities;

public sealed class when_valuing_a_per_visit_service_under_a_weekly_cap
{
    // 5 points a visit, at most 15 a week.
    private static readonly PointRule Rule = Build.FiveAVisitCappedAtFifteen;

    [Fact]
    public void visits_within_the_cap_earn_full_points_and_standard_minutes()
    {
        var value = PointValuation.Value(Rule, minutes: null, occasions: 2, alreadyCreditedThisWeek: 0);

        value.ShouldBe(new Valuation(10, 2 * 60, CapReached: false));
    }

    [Fact]
    public void only_the_room_left_under_the_cap_is_credited()
    {
        var value = PointValuation.Value(Rule, minutes: null, occasions: 2, alreadyCreditedThisWeek: 10);

        value.Points.ShouldBe(5);
        value.CapReached.ShouldBeTrue();
        value.Minutes.ShouldBe(120);
    }

    [Fact]
    public void filling_the_cap_exactly_is_not_reported_as_reaching_it()
    {
        var value = PointValuation.Value(Rule, minutes: null, occasions: 2, alreadyCreditedThisWeek: 5);

        value.Points.ShouldBe(10);
        value.CapReached.ShouldBeFalse();
    }

    [Theory]
    [InlineData(15)]
    [InlineData(40)] // more than the cap, e.g. earned under an older, larger cap
    public void a_reached_cap_gives_no_points_but_still_counts_the_minutes(int already)
    {
        var value = PointValuation.Value(Rule, minutes: 90, occasions: 1, alreadyCreditedThisWeek: already);

        value.Points.ShouldBe(0);
        value.Minutes.ShouldBe(90);
        value.CapReached.ShouldBeTrue();
    }
}
