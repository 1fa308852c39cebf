using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.ElderCare;

public sealed class when_pairing_helpers
{
    private static HelpersPaired Pair(Elder elder, params HelperAssignment[] helpers) =>
        PairElderHelpersDecider.Decide(new PairElderHelpers(Elders.Wu, helpers, "clerk-wang"), elder,
            Elders.Volunteers(), Build.Now);

    private static readonly HelperAssignment[] Usual =
    [
        new(HelperRole.GridLeader, Elders.Leader), new(HelperRole.GridMember, Elders.Member),
        new(HelperRole.PartyMember, Elders.Party)
    ];

    [Fact]
    public void the_first_pairing_pairs_each_role_in_role_order()
    {
        var outcome = Pair(Elders.Registered(), Usual.Reverse().ToArray());

        outcome.Unpaired.ShouldBeEmpty();
        outcome.Paired.ShouldBe([
            new ElderHelperPaired(Elders.Wu, Elders.Leader, HelperRole.GridLeader, Build.Now, "clerk-wang"),
            new ElderHelperPaired(Elders.Wu, Elders.Member, HelperRole.GridMember, Build.Now, "clerk-wang"),
            new ElderHelperPaired(Elders.Wu, Elders.Party, HelperRole.PartyMember, Build.Now, "clerk-wang")
        ]);
        outcome.Helpers.ShouldBe(Usual);
    }

    [Fact]
    public void the_same_set_decides_no_event()
    {
        var outcome = Pair(Elders.WithThreeHelpers(), Usual);

        outcome.Paired.ShouldBeEmpty();
        outcome.Unpaired.ShouldBeEmpty();
    }

    [Fact]
    public void only_the_changed_place_is_unpaired_and_paired()
    {
        var outcome = Pair(Elders.WithThreeHelpers(), new(HelperRole.GridLeader, Elders.Spare), Usual[1], Usual[2]);

        outcome.Unpaired.ShouldBe([
            new ElderHelperUnpaired(Elders.Wu, Elders.Leader, HelperRole.GridLeader, Build.Now, "clerk-wang")
        ]);
        outcome.Paired.ShouldBe([
            new ElderHelperPaired(Elders.Wu, Elders.Spare, HelperRole.GridLeader, Build.Now, "clerk-wang")
        ]);
    }

    [Fact]
    public void a_place_left_out_is_unpaired()
    {
        var outcome = Pair(Elders.WithThreeHelpers(), Usual[0]);

        outcome.Paired.ShouldBeEmpty();
        outcome.Unpaired.Select(u => u.Role).ShouldBe([HelperRole.GridMember, HelperRole.PartyMember]);
        outcome.Helpers.ShouldBe([Usual[0]]);
    }

    [Fact]
    public void after_the_events_are_applied_the_same_command_decides_nothing()
    {
        var elder = Elders.WithThreeHelpers();
        var command = new[] { new HelperAssignment(HelperRole.GridLeader, Elders.Member),
            new HelperAssignment(HelperRole.GridMember, Elders.Leader) };
        var first = Pair(elder, command);
        foreach (var e in first.Unpaired) elder = elder.Apply(e);
        foreach (var e in first.Paired) elder = elder.Apply(e);

        var again = Pair(elder, command);

        first.Unpaired.Count.ShouldBe(3);
        first.Paired.Count.ShouldBe(2);
        again.Paired.ShouldBeEmpty();
        again.Unpaired.ShouldBeEmpty();
        elder.CurrentHelpers.ShouldBe(new Dictionary<HelperRole, Guid>
        {
            [HelperRole.GridLeader] = Elders.Member, [HelperRole.GridMember] = Elders.Leader
        }, ignoreOrder: true);
    }

    [Fact]
    public void one_role_cannot_have_two_helpers()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Pair(Elders.Registered(),
            new(HelperRole.PartyMember, Elders.Party), new(HelperRole.PartyMember, Elders.Spare)));

        violation.Code.ShouldBe("role_taken_twice");
        violation.Field.ShouldBe("helpers[1].role");
    }

    [Fact]
    public void one_volunteer_cannot_hold_two_roles()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Pair(Elders.Registered(),
            new(HelperRole.GridLeader, Elders.Spare), new(HelperRole.GridMember, Elders.Member),
            new(HelperRole.PartyMember, Elders.Spare)));

        violation.Code.ShouldBe("volunteer_holds_two_roles");
        violation.Field.ShouldBe("helpers[2].volunteerId");
    }

    [Fact]
    public void an_unknown_volunteer_is_not_found()
    {
        var stranger = Guid.NewGuid();

        var violation = Should.Throw<LedgerRuleViolation>(() => Pair(Elders.Registered(),
            new HelperAssignment(HelperRole.GridMember, stranger)));

        violation.Kind.ShouldBe(ViolationKind.NotFound);
        violation.Code.ShouldBe("volunteer_not_found");
        violation.Field.ShouldBe("helpers[0].volunteerId");
    }

    [Fact]
    public void a_volunteer_of_another_community_is_refused()
    {
        var elsewhere = new Guid("0a000000-0000-4000-8000-000000000009");

        var violation = Should.Throw<LedgerRuleViolation>(() => PairElderHelpersDecider.Decide(
            new PairElderHelpers(Elders.Wu, Usual, "clerk-wang"), Elders.Registered(), Elders.Volunteers(elsewhere),
            Build.Now));

        violation.Code.ShouldBe("volunteer_not_in_community");
        violation.Field.ShouldBe("helpers[0].volunteerId");
    }

    [Fact]
    public void a_role_outside_the_three_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Pair(Elders.Registered(),
            new HelperAssignment((HelperRole)9, Elders.Spare)));

        violation.Code.ShouldBe("invalid_role");
        violation.Field.ShouldBe("helpers[0].role");
    }
}
