using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Activities;

public sealed class when_checking_a_point_rule
{
    [Fact]
    public void sound_rules_of_every_kind_have_no_problem()
    {
        Build.TwentyASession.Problem().ShouldBeNull();
        Build.TenAnHour.Problem().ShouldBeNull();
        Build.FiveAVisitCappedAtFifteen.Problem().ShouldBeNull();
    }

    [Fact]
    public void the_limits_themselves_are_sound()
    {
        new PointRule(PointRuleKind.PerOccasion, 1, 1).Problem().ShouldBeNull();
        new PointRule(PointRuleKind.PerOccasion, 1000, 1440).Problem().ShouldBeNull();
        new PointRule(PointRuleKind.PerHour, 1, 1, MinimumMinutes: 1).Problem().ShouldBeNull();
        new PointRule(PointRuleKind.PerHour, 1, 1, MinimumMinutes: 1440).Problem().ShouldBeNull();
        new PointRule(PointRuleKind.PerVisit, 5, 60, WeeklyCap: 5).Problem().ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1001)]
    public void points_must_be_between_1_and_1000(int points)
    {
        var problem = new PointRule(PointRuleKind.PerOccasion, points, 60).Problem();

        problem.ShouldNotBeNull();
        problem.Code.ShouldBe("rule_points_out_of_range");
        problem.Field.ShouldBe("rule.points");
        problem.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    public void standard_minutes_must_be_between_1_and_1440(int standardMinutes)
    {
        var problem = new PointRule(PointRuleKind.PerOccasion, 20, standardMinutes).Problem();

        problem.ShouldNotBeNull();
        problem.Code.ShouldBe("rule_standard_minutes_out_of_range");
        problem.Field.ShouldBe("rule.standardMinutes");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(1441)]
    public void a_per_hour_rule_needs_a_minimum_duration_between_1_and_1440(int? minimumMinutes)
    {
        var problem = new PointRule(PointRuleKind.PerHour, 10, 180, MinimumMinutes: minimumMinutes).Problem();

        problem.ShouldNotBeNull();
        problem.Code.ShouldBe("rule_minimum_minutes_required");
        problem.Field.ShouldBe("rule.minimumMinutes");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(4)] // below the 5 points of a single visit: one visit could never be credited in full
    public void a_per_visit_rule_needs_a_weekly_cap_of_at_least_its_points(int? weeklyCap)
    {
        var problem = new PointRule(PointRuleKind.PerVisit, 5, 60, WeeklyCap: weeklyCap).Problem();

        problem.ShouldNotBeNull();
        problem.Code.ShouldBe("rule_weekly_cap_required");
        problem.Field.ShouldBe("rule.weeklyCap");
    }

    [Theory]
    [InlineData(PointRuleKind.PerOccasion, 0)]
    [InlineData(PointRuleKind.PerOccasion, int.MaxValue)]
    [InlineData(PointRuleKind.PerVisit, -60)]
    [InlineData(PointRuleKind.PerVisit, 1441)]
    public void a_minimum_given_to_another_kind_of_rule_must_still_be_a_duration(PointRuleKind kind, int minimumMinutes)
    {
        var problem = new PointRule(kind, 5, 60, MinimumMinutes: minimumMinutes,
            WeeklyCap: kind == PointRuleKind.PerVisit ? 20 : null).Problem();

        problem.ShouldNotBeNull();
        problem.Code.ShouldBe("rule_minimum_minutes_out_of_range");
        problem.Field.ShouldBe("rule.minimumMinutes");
    }

    [Fact]
    public void a_per_occasion_rule_cannot_have_a_weekly_cap()
    {
        var problem = new PointRule(PointRuleKind.PerOccasion, 20, 120, WeeklyCap: 100).Problem();

        problem.ShouldNotBeNull();
        problem.Code.ShouldBe("rule_weekly_cap_not_allowed");
        problem.Field.ShouldBe("rule.weeklyCap");
    }

    [Fact]
    public void a_per_hour_rule_cannot_have_a_weekly_cap()
    {
        var problem = new PointRule(PointRuleKind.PerHour, 10, 180, MinimumMinutes: 60, WeeklyCap: 100).Problem();

        problem.ShouldNotBeNull();
        problem.Code.ShouldBe("rule_weekly_cap_not_allowed");
    }

    [Fact]
    public void the_first_problem_found_is_the_points()
    {
        new PointRule(PointRuleKind.PerHour, 0, 0).Problem()!.Code.ShouldBe("rule_points_out_of_range");
    }
}
