using QunTuan.Ledger.Activities;

namespace QunTuan.Ledger.Tests.Activities;

public sealed class when_valuing_a_per_occasion_service
{
    private static readonly PointRule Rule = Build.TwentyASession;

    [Fact]
    public void points_are_the_rule_points_times_the_occasions()
    {
        var value = PointValuation.Value(Rule, minutes: null, occasions: 3, alreadyCreditedThisWeek: 0);

        value.Points.ShouldBe(60);
        value.CapReached.ShouldBeFalse();
    }

    [Fact]
    public void standard_minutes_per_occasion_are_counted_when_no_duration_is_given()
    {
        PointValuation.Value(Rule, minutes: null, occasions: 3, alreadyCreditedThisWeek: 0).Minutes.ShouldBe(3 * 120);
    }

    [Fact]
    public void a_reported_duration_is_counted_as_is_and_does_not_change_the_points()
    {
        var value = PointValuation.Value(Rule, minutes: 45, occasions: 2, alreadyCreditedThisWeek: 0);

        value.Minutes.ShouldBe(45);
        value.Points.ShouldBe(40);
    }

    [Fact]
    public void what_was_already_earned_this_week_does_not_limit_an_uncapped_rule()
    {
        PointValuation.Value(Rule, minutes: null, occasions: 1, alreadyCreditedThisWeek: 5_000).Points.ShouldBe(20);
    }
}
