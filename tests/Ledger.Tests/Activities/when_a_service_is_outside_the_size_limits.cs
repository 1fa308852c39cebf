using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Activities;

public sealed class when_a_service_is_outside_the_size_limits
{
    public static TheoryData<PointRule> AllKinds =>
        [Build.TwentyASession, Build.FiveAVisitCappedAtFifteen, Build.TenAnHour];

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(21)]
    public void occasions_must_be_between_1_and_20(int occasions)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            PointValuation.Value(Build.TwentyASession, null, occasions, 0));

        violation.Code.ShouldBe("occasions_out_of_range");
        violation.Field.ShouldBe("occasions");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void occasions_at_the_limits_are_accepted(int occasions)
    {
        PointValuation.Value(Build.TwentyASession, null, occasions, 0).Points.ShouldBe(20 * occasions);
    }

    [Fact]
    public void too_many_occasions_are_refused_before_the_per_hour_single_occasion_rule()
    {
        Should.Throw<LedgerRuleViolation>(() => PointValuation.Value(Build.TenAnHour, 120, 21, 0))
            .Code.ShouldBe("occasions_out_of_range");
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void a_duration_of_zero_is_refused_by_every_kind(PointRule rule)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => PointValuation.Value(rule, 0, 1, 0));

        violation.Code.ShouldBe("duration_out_of_range");
        violation.Field.ShouldBe("durationMinutes");
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void a_duration_over_a_day_is_refused_by_every_kind(PointRule rule)
    {
        Should.Throw<LedgerRuleViolation>(() => PointValuation.Value(rule, 1441, 1, 0))
            .Code.ShouldBe("duration_out_of_range");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1440)]
    public void durations_at_the_limits_are_accepted(int minutes)
    {
        PointValuation.Value(Build.TwentyASession, minutes, 1, 0).Minutes.ShouldBe(minutes);
    }
}
