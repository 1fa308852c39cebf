using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Redemptions;

public sealed class when_setting_a_points_policy
{
    private static readonly Community Lanhua = Community.Create(new CommunityRegistered(Build.Lanhua, "lanhua", "兰花社区",
        "Lanhua", "兰溪市", "兰江街道", 16936, Redeem.Now, "admin"));

    private static SetPointsPolicy Policy(Duration? decision = null, Duration? collection = null, int? years = null) =>
        new(Build.Lanhua, decision ?? Duration.FromDays(7), collection ?? Duration.FromDays(30), years, "clerk-li");

    [Fact]
    public void a_community_starts_with_seven_days_to_decide_thirty_to_collect_and_no_expiry()
    {
        Lanhua.Points.ShouldBe(new PointsPolicy(Duration.FromDays(7), Duration.FromDays(30), null));
        SetPointsPolicyDecider.Decide(Policy(), Lanhua, Redeem.Now).ShouldBeNull(); // already in force
    }

    [Fact]
    public void each_change_is_a_new_revision()
    {
        var set = SetPointsPolicyDecider.Decide(Policy(Duration.FromSeconds(5), years: 3), Lanhua, Redeem.Now)!;
        set.ShouldBe(new PointsPolicySet(Build.Lanhua, Duration.FromSeconds(5), Duration.FromDays(30), 3, 1, Redeem.Now,
            "clerk-li"));
        var changed = Lanhua.Apply(set);
        (changed.Points.DecisionWindow, changed.PolicyRevision).ShouldBe((Duration.FromSeconds(5), 1));

        SetPointsPolicyDecider.Decide(Policy(Duration.FromSeconds(5), years: 3), changed, Redeem.Now).ShouldBeNull();
        SetPointsPolicyDecider.Decide(Policy(), changed, Redeem.Now)!.Revision.ShouldBe(2);
    }

    [Theory]
    [InlineData(0, 30, null, "decision_window_out_of_range", "decisionWindow")]
    [InlineData(91 * 86400, 30, null, "decision_window_out_of_range", "decisionWindow")]
    [InlineData(60, 0, null, "collection_window_out_of_range", "collectionWindow")]
    [InlineData(60, 181, null, "collection_window_out_of_range", "collectionWindow")]
    [InlineData(60, 30, -1, "expiry_years_out_of_range", "expireAfterYears")]
    [InlineData(60, 30, 11, "expiry_years_out_of_range", "expireAfterYears")]
    public void windows_and_years_must_be_sensible(int decisionSeconds, int collectionDays, int? years, string code,
        string field)
    {
        var refused = Should.Throw<LedgerRuleViolation>(() => SetPointsPolicyDecider.Decide(
            Policy(Duration.FromSeconds(decisionSeconds), Duration.FromDays(collectionDays), years), Lanhua, Redeem.Now));

        (refused.Code, refused.Field).ShouldBe((code, field));
    }
}
