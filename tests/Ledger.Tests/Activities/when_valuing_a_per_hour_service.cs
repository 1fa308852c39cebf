using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Activities;

public sealed class when_valuing_a_per_hour_service
{
    private static readonly PointRule Rule = Build.TenAnHour;

    [Theory]
    [InlineData(150, 25)]
    [InlineData(149, 24)] // 24.83: rounding would give 25, the rule floors
    [InlineData(119, 19)]
    [InlineData(1440, 240)]
    public void per_hour_rule_floors_to_whole_points(int minutes, int points)
    {
        var value = PointValuation.Value(Rule, minutes, occasions: 1, alreadyCreditedThisWeek: 0);

        value.Points.ShouldBe(points);
        value.Minutes.ShouldBe(minutes);
        value.CapReached.ShouldBeFalse();
    }

    [Fact]
    public void exactly_the_minimum_duration_qualifies()
    {
        PointValuation.Value(Rule, 60, occasions: 1, alreadyCreditedThisWeek: 0).Points.ShouldBe(10);
    }

    [Fact]
    public void a_duration_below_the_minimum_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => PointValuation.Value(Rule, 59, 1, 0));

        violation.Code.ShouldBe("duration_below_minimum");
        violation.Field.ShouldBe("durationMinutes");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void a_duration_is_required()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => PointValuation.Value(Rule, null, 1, 0));

        violation.Code.ShouldBe("duration_required");
        violation.Field.ShouldBe("durationMinutes");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public void a_record_covers_exactly_one_occasion(int occasions)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => PointValuation.Value(Rule, 120, occasions, 0));

        violation.Code.ShouldBe("occasions_not_allowed");
        violation.Field.ShouldBe("occasions");
    }

    [Fact]
    public void what_was_already_earned_this_week_does_not_limit_an_hourly_rule()
    {
        PointValuation.Value(Rule, 120, occasions: 1, alreadyCreditedThisWeek: 5_000).Points.ShouldBe(20);
    }
}
