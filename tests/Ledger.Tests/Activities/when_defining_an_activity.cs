using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Activities;

public sealed class when_defining_an_activity
{
    private static DefineActivity Define(string code = " cb21 ", string category = "cb", PointRule? rule = null,
        LocalDate? effectiveFrom = null) =>
        new(code, category, " 邻里调解 ", " Neighbour mediation ", " 次 ", effectiveFrom ?? Build.Date(2026, 1, 1),
            rule ?? Build.TwentyASession, "office");

    [Fact]
    public void the_activity_starts_with_version_1_of_its_rule_under_a_normalised_code()
    {
        var events = DefineActivityDecider.Decide(Define(), existing: null, Build.Now);

        var defined = events[0].ShouldBeOfType<ActivityDefined>();
        defined.Code.ShouldBe("CB21");
        defined.CategoryCode.ShouldBe("CB");
        defined.ActivityId.ShouldBe(DeterministicId.ForActivity("CB21"));
        defined.NameZh.ShouldBe("邻里调解");
        var first = events[1].ShouldBeOfType<PointRulePublished>();
        first.Version.ShouldBe(1);
        first.ActivityId.ShouldBe(defined.ActivityId);
        first.EffectiveFrom.ShouldBe(Build.Date(2026, 1, 1));
        events.Length.ShouldBe(2);
    }

    [Fact]
    public void a_code_already_defined_is_refused()
    {
        var existing = Build.ActivityWith("CB21", (Build.Date(2026, 1, 1), Build.TwentyASession));

        var violation = Should.Throw<LedgerRuleViolation>(() => DefineActivityDecider.Decide(Define(), existing, Build.Now));

        violation.Code.ShouldBe("activity_code_taken");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void only_the_two_fixed_categories_are_accepted()
    {
        Should.Throw<LedgerRuleViolation>(() => DefineActivityDecider.Decide(Define(category: "XX"), null, Build.Now))
            .Code.ShouldBe("unknown_category");
    }

    [Fact]
    public void an_unsound_first_rule_is_refused()
    {
        var uncapped = new PointRule(PointRuleKind.PerVisit, 5, 60);

        Should.Throw<LedgerRuleViolation>(() => DefineActivityDecider.Decide(Define(rule: uncapped), null, Build.Now))
            .Code.ShouldBe("rule_weekly_cap_required");
    }

    [Fact]
    public void a_first_rule_starting_more_than_366_days_ahead_is_refused()
    {
        DefineActivityDecider.Decide(Define(effectiveFrom: Build.Date(2027, 7, 7)), null, Build.Now).Length.ShouldBe(2);
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            DefineActivityDecider.Decide(Define(effectiveFrom: Build.Date(2027, 7, 8)), null, Build.Now));

        violation.Code.ShouldBe("rule_effective_date_too_far");
        violation.Field.ShouldBe("ruleEffectiveFrom");
    }
}
