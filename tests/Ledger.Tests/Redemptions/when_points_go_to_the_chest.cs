using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Redemptions;

public sealed class when_points_go_to_the_chest
{
    [Fact]
    public void a_donation_is_one_debit_and_one_credit_of_the_same_points()
    {
        var account = Redeem.Account(50);
        var chest = Redeem.Chest(10);
        var id = Guid.NewGuid();

        var donation = DonatePointsDecider.Decide(new DonatePoints(Build.Zhang, id, 30, " 献给困难户 ", "zhang"), account,
            chest, Redeem.Now);

        donation.Donated.ShouldBe(new QunTuan.Ledger.Volunteers.PointsDonated(Build.Zhang, id, chest.Id, 30, "献给困难户", 20,
            Redeem.Now, "zhang"));
        donation.Received.ShouldBe(new ChestDonationReceived(chest.Id, id, Build.Zhang, 30, 40, Redeem.Now, "zhang"));
        account.Apply(donation.Donated).Available.ShouldBe(20);
        chest.Apply(donation.Received).Available.ShouldBe(40);
    }

    [Fact]
    public void a_donation_cannot_exceed_the_available_balance_or_the_limits()
    {
        var chest = Redeem.Chest();
        Should.Throw<LedgerRuleViolation>(() => DonatePointsDecider.Decide(
                new DonatePoints(Build.Zhang, Guid.NewGuid(), 51, null, "zhang"), Redeem.Account(50), chest, Redeem.Now))
            .Code.ShouldBe("insufficient_balance");
        foreach (var points in new[] { 0, -5, DonatePointsDecider.MaxDonation + 1 })
            Should.Throw<LedgerRuleViolation>(() => DonatePointsDecider.Decide(
                    new DonatePoints(Build.Zhang, Guid.NewGuid(), points, null, "zhang"), Redeem.Account(50_000), chest,
                    Redeem.Now))
                .Code.ShouldBe("donation_out_of_range");
    }

    [Fact]
    public void a_chest_grant_holds_the_chest_not_a_volunteer()
    {
        var item = Redeem.Goods(price: 20);
        var chest = Redeem.Chest(30);
        var command = new GrantFromChest(Guid.NewGuid(), Build.Lanhua, item.Id, null, Redeem.Elder, "clerk-li");

        var opened = GrantFromChestDecider.Decide(command, item, Redeem.ElderOf(Build.Lanhua), chest, Redeem.Policy,
            Redeem.Now);

        (opened.Requested.PayerKind, opened.Requested.PayerId, opened.Requested.VolunteerId)
            .ShouldBe((PayerKind.Chest, chest.Id, (Guid?)null));
        opened.Held.ShouldBe(new ChestPointsHeld(chest.Id, command.RedemptionId, item.Id, "G01", Redeem.Elder, 20, 10,
            20, Redeem.Now, "clerk-li"));

        var redemption = Redemption.Create(opened.Requested);
        var held = chest.Apply((ChestPointsHeld)opened.Held);
        var approved = ApproveRedemptionDecider.Decide(new ApproveRedemption(redemption.Id, "clerk-wang"), redemption,
            Payer.Of(held), Redeem.Code, Redeem.Policy, Redeem.Now)!;
        approved.Payer.ShouldBe(new ChestPointsCaptured(chest.Id, redemption.Id, "G01", 20, 10, 0, Redeem.Now,
            "clerk-wang"));
        var rejected = RejectRedemptionDecider.Decide(new RejectRedemption(redemption.Id, "已有他人资助", "clerk-wang"),
            redemption, Payer.Of(held), Redeem.Now)!;
        held.Apply((ChestPointsReleased)rejected.Payer).ShouldBe(held with { Available = 30, Held = 0 });
    }

    [Fact]
    public void a_grant_needs_chest_points_a_beneficiary_of_the_community_and_its_item()
    {
        var item = Redeem.Goods(price: 20);
        var command = new GrantFromChest(Guid.NewGuid(), Build.Lanhua, item.Id, null, Redeem.Elder, "clerk-li");

        Should.Throw<LedgerRuleViolation>(() => GrantFromChestDecider.Decide(command, item, Redeem.ElderOf(Build.Lanhua),
            Redeem.Chest(19), Redeem.Policy, Redeem.Now)).Code.ShouldBe("insufficient_balance");
        Should.Throw<LedgerRuleViolation>(() => GrantFromChestDecider.Decide(command, item,
            Redeem.ElderOf(Redeem.Elsewhere), Redeem.Chest(50), Redeem.Policy, Redeem.Now)).Code
            .ShouldBe("beneficiary_not_found");
        Should.Throw<LedgerRuleViolation>(() => GrantFromChestDecider.Decide(command, Redeem.Goods(community: Redeem.Elsewhere),
            Redeem.ElderOf(Build.Lanhua), Redeem.Chest(50), Redeem.Policy, Redeem.Now)).Code
            .ShouldBe("catalog_item_not_found");
    }
}
