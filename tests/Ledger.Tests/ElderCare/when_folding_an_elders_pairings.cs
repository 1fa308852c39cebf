using QunTuan.Ledger.ElderCare;

namespace QunTuan.Ledger.Tests.ElderCare;

/// <summary>A pairing holds from the Shanghai day it was made, up to but not including the day it ended.</summary>
public sealed class when_folding_an_elders_pairings
{
    private static readonly NodaTime.LocalDate Today = Build.Date(2026, 7, 6);

    [Fact]
    public void a_helper_is_paired_from_the_day_of_pairing_on()
    {
        var elder = Elders.WithThreeHelpers(daysAgo: 2);

        elder.RoleOn(Elders.Leader, Today.PlusDays(-3)).ShouldBeNull();
        elder.RoleOn(Elders.Leader, Today.PlusDays(-2)).ShouldBe(HelperRole.GridLeader);
        elder.RoleOn(Elders.Leader, Today).ShouldBe(HelperRole.GridLeader);
        elder.RoleOn(Elders.Spare, Today).ShouldBeNull();
    }

    [Fact]
    public void the_day_of_unpairing_belongs_to_the_successor()
    {
        var elder = Elders.WithThreeHelpers(daysAgo: 5)
            .Apply(new ElderHelperUnpaired(Elders.Wu, Elders.Leader, HelperRole.GridLeader, Elders.Day(-1), "office"))
            .Apply(new ElderHelperPaired(Elders.Wu, Elders.Spare, HelperRole.GridLeader, Elders.Day(-1), "office"));

        elder.RoleOn(Elders.Leader, Today.PlusDays(-2)).ShouldBe(HelperRole.GridLeader);
        elder.RoleOn(Elders.Leader, Today.PlusDays(-1)).ShouldBeNull();
        elder.RoleOn(Elders.Spare, Today.PlusDays(-1)).ShouldBe(HelperRole.GridLeader);
        elder.RoleOn(Elders.Spare, Today.PlusDays(-2)).ShouldBeNull();
        elder.CurrentHelpers[HelperRole.GridLeader].ShouldBe(Elders.Spare);
    }

    [Fact]
    public void a_role_change_keeps_the_volunteer_paired_throughout()
    {
        var elder = Elders.WithThreeHelpers(daysAgo: 5)
            .Apply(new ElderHelperUnpaired(Elders.Wu, Elders.Party, HelperRole.PartyMember, Elders.Day(-2), "office"))
            .Apply(new ElderHelperUnpaired(Elders.Wu, Elders.Leader, HelperRole.GridLeader, Elders.Day(-2), "office"))
            .Apply(new ElderHelperPaired(Elders.Wu, Elders.Party, HelperRole.GridLeader, Elders.Day(-2), "office"));

        elder.RoleOn(Elders.Party, Today.PlusDays(-3)).ShouldBe(HelperRole.PartyMember);
        elder.RoleOn(Elders.Party, Today.PlusDays(-2)).ShouldBe(HelperRole.GridLeader);
        elder.CurrentHelpers.Keys.ShouldBe([HelperRole.GridMember, HelperRole.GridLeader], ignoreOrder: true);
    }

    [Fact]
    public void a_pairing_undone_the_same_day_never_held()
    {
        var elder = Elders.Registered()
            .Apply(new ElderHelperPaired(Elders.Wu, Elders.Spare, HelperRole.GridMember, Elders.Day(0), "office"))
            .Apply(new ElderHelperUnpaired(Elders.Wu, Elders.Spare, HelperRole.GridMember, Elders.Day(0), "office"));

        elder.RoleOn(Elders.Spare, Today).ShouldBeNull();
        elder.CurrentHelpers.ShouldBeEmpty();
    }

    [Fact]
    public void a_helper_paired_again_is_covered_by_both_stretches_but_not_the_gap()
    {
        var elder = Elders.WithThreeHelpers(daysAgo: 9)
            .Apply(new ElderHelperUnpaired(Elders.Wu, Elders.Member, HelperRole.GridMember, Elders.Day(-6), "office"))
            .Apply(new ElderHelperPaired(Elders.Wu, Elders.Member, HelperRole.GridMember, Elders.Day(-3), "office"));

        elder.RoleOn(Elders.Member, Today.PlusDays(-7)).ShouldBe(HelperRole.GridMember);
        elder.RoleOn(Elders.Member, Today.PlusDays(-5)).ShouldBeNull();
        elder.RoleOn(Elders.Member, Today.PlusDays(-3)).ShouldBe(HelperRole.GridMember);
    }
}
