using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Activities;

public sealed class when_publishing_a_point_rule_version
{
    private static readonly Activity Patrol = Build.ActivityWith("CB01", (Build.Date(2026, 1, 1), Build.TenAnHour));

    private static PublishPointRule Publish(LocalDate from, PointRule? rule = null, string reason = "冬季巡防加分") =>
        new("CB01", from, rule ?? Build.TenAnHour with { Points = 12 }, reason, "office");

    [Fact]
    public void the_next_version_carries_the_new_rule_and_its_start()
    {
        var published = PublishPointRuleDecider.Decide(Publish(Build.Date(2026, 7, 1)), Patrol, Build.Now);

        published.ActivityId.ShouldBe(Patrol.Id);
        published.Code.ShouldBe("CB01");
        published.Version.ShouldBe(2);
        published.EffectiveFrom.ShouldBe(Build.Date(2026, 7, 1));
        published.Rule.Points.ShouldBe(12);
        published.PublishedAt.ShouldBe(Build.Now);
        published.PublishedBy.ShouldBe("office");
    }

    [Fact]
    public void versions_are_numbered_1_2_3_in_publishing_order()
    {
        var activity = Activity.Create(new ActivityDefined(Patrol.Id, "CB01", "CB", "平安巡防", "Safety patrol", "班次",
            Build.Now, "office"));
        var versions = new List<int>();
        foreach (var from in new[] { Build.Date(2026, 1, 1), Build.Date(2026, 7, 1), Build.Date(2027, 1, 1) })
        {
            var published = PublishPointRuleDecider.Decide(Publish(from), activity, Build.Now);
            versions.Add(published.Version);
            activity = activity.Apply(published);
        }

        versions.ShouldBe([1, 2, 3]);
        activity.RuleOn(Build.Date(2026, 8, 1))!.Version.ShouldBe(2);
    }

    [Theory]
    [InlineData(2026, 1, 1)] // the same day as the version in force
    [InlineData(2025, 12, 1)] // before it: would rewrite which rule valued past services
    public void a_start_not_after_the_latest_version_is_refused(int y, int m, int d)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            PublishPointRuleDecider.Decide(Publish(Build.Date(y, m, d)), Patrol, Build.Now));

        violation.Code.ShouldBe("rule_effective_date_not_after_previous");
        violation.Field.ShouldBe("effectiveFrom");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void the_day_after_the_latest_version_is_accepted()
    {
        PublishPointRuleDecider.Decide(Publish(Build.Date(2026, 1, 2)), Patrol, Build.Now).Version.ShouldBe(2);
    }

    [Fact]
    public void a_new_version_cannot_change_the_kind_of_rule()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            PublishPointRuleDecider.Decide(Publish(Build.Date(2026, 7, 1), Build.TwentyASession), Patrol, Build.Now));

        violation.Code.ShouldBe("rule_kind_change");
        violation.Field.ShouldBe("rule.kind");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void a_reason_is_required(string reason)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            PublishPointRuleDecider.Decide(Publish(Build.Date(2026, 7, 1), reason: reason), Patrol, Build.Now));

        violation.Code.ShouldBe("reason_required");
        violation.Field.ShouldBe("reason");
    }

    [Fact]
    public void the_reason_is_trimmed()
    {
        PublishPointRuleDecider.Decide(Publish(Build.Date(2026, 7, 1), reason: "  冬季巡防加分 \n"), Patrol, Build.Now)
            .Reason.ShouldBe("冬季巡防加分");
    }

    [Fact]
    public void a_start_more_than_366_days_ahead_is_refused()
    {
        // Build.Now is 6 July 2026 in Zhejiang.
        PublishPointRuleDecider.Decide(Publish(Build.Date(2027, 7, 7)), Patrol, Build.Now).Version.ShouldBe(2);
        foreach (var far in new[] { Build.Date(2027, 7, 8), new LocalDate(9999, 12, 31) })
        {
            var violation = Should.Throw<LedgerRuleViolation>(() =>
                PublishPointRuleDecider.Decide(Publish(far), Patrol, Build.Now));

            violation.Code.ShouldBe("rule_effective_date_too_far");
            violation.Field.ShouldBe("effectiveFrom");
            violation.Kind.ShouldBe(ViolationKind.Unprocessable);
        }
    }

    [Theory]
    [InlineData("冬季巡防加分\u0000", "invalid_characters")]
    [InlineData("冬季巡防加分\u202E", "invalid_characters")]
    [InlineData("请联系13812345678", "personal_data_not_allowed")]
    public void the_reason_is_free_text_like_any_other(string reason, string code)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            PublishPointRuleDecider.Decide(Publish(Build.Date(2026, 7, 1), reason: reason), Patrol, Build.Now));

        violation.Code.ShouldBe(code);
        violation.Field.ShouldBe("reason");
    }

    [Fact]
    public void a_reason_over_500_characters_is_refused()
    {
        PublishPointRuleDecider.Decide(Publish(Build.Date(2026, 7, 1), reason: new string('因', 500)), Patrol, Build.Now)
            .Reason.Length.ShouldBe(500);
        Should.Throw<LedgerRuleViolation>(() => PublishPointRuleDecider.Decide(
                Publish(Build.Date(2026, 7, 1), reason: new string('因', 501)), Patrol, Build.Now))
            .Code.ShouldBe("too_long");
    }

    [Fact]
    public void an_unsound_rule_is_refused_with_its_problem()
    {
        var unsound = new PointRule(PointRuleKind.PerHour, 12, 180, MinimumMinutes: null);

        Should.Throw<LedgerRuleViolation>(() =>
                PublishPointRuleDecider.Decide(Publish(Build.Date(2026, 7, 1), unsound), Patrol, Build.Now))
            .Code.ShouldBe("rule_minimum_minutes_required");
    }
}
