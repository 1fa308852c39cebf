using QunTuan.Ledger.Activities;

namespace QunTuan.Ledger.Tests.Activities;

public sealed class when_finding_the_rule_in_force
{
    private static readonly PointRule Ten = Build.TenAnHour;
    private static readonly PointRule Twelve = Ten with { Points = 12 };
    private static readonly PointRule Fifteen = Ten with { Points = 15 };

    private static readonly Activity Patrol = Build.ActivityWith("CB01",
        (Build.Date(2026, 1, 1), Ten), (Build.Date(2026, 7, 1), Twelve), (Build.Date(2027, 1, 1), Fifteen));

    [Theory]
    [InlineData(2026, 1, 1, 1)]
    [InlineData(2026, 6, 30, 1)]
    [InlineData(2026, 7, 1, 2)]
    [InlineData(2026, 12, 31, 2)]
    [InlineData(2027, 1, 1, 3)]
    [InlineData(2030, 5, 5, 3)]
    public void the_latest_version_starting_on_or_before_the_service_date_applies(int y, int m, int d, int version)
    {
        var rule = Patrol.RuleOn(Build.Date(y, m, d));

        rule.ShouldNotBeNull();
        rule.Version.ShouldBe(version);
        rule.Rule.Points.ShouldBe(version switch { 1 => 10, 2 => 12, _ => 15 });
    }

    [Fact]
    public void no_rule_applies_before_the_first_version()
    {
        Patrol.RuleOn(Build.Date(2025, 12, 31)).ShouldBeNull();
    }

    [Fact]
    public void the_latest_version_is_the_last_published()
    {
        Patrol.Latest.ShouldNotBeNull();
        Patrol.Latest.Version.ShouldBe(3);
        Patrol.Latest.EffectiveFrom.ShouldBe(Build.Date(2027, 1, 1));
    }

    [Fact]
    public void an_activity_without_versions_has_no_rule()
    {
        var bare = Build.ActivityWith("CB01");

        bare.Latest.ShouldBeNull();
        bare.RuleOn(Build.Date(2026, 6, 1)).ShouldBeNull();
    }
}
