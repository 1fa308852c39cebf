using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.Redemptions;

public sealed class when_deciding_a_redemption
{
    private static readonly Instant Later = Redeem.Now.Plus(Duration.FromHours(2));

    private static (Redemption Redemption, CatalogItem Item, VolunteerAccount Account) Waiting() =>
        Redeem.Requested(Redeem.Goods(price: 20, stock: 5), Redeem.Account(50));

    private static Settlement? Approve(Redemption r, VolunteerAccount a, Instant? at = null) =>
        ApproveRedemptionDecider.Decide(new ApproveRedemption(r.Id, "clerk-li"), r, Payer.Of(a), Redeem.Code,
            Redeem.Policy, at ?? Later);

    [Fact]
    public void approval_spends_the_held_points_takes_the_unit_and_keeps_only_the_codes_hash()
    {
        var (redemption, item, account) = Waiting();

        var approved = Approve(redemption, account)!;

        var approval = approved.Redemption.ShouldBeOfType<RedemptionApproved>();
        approval.PickupCodeHash.ShouldNotContain(Redeem.Code);
        PickupCode.Matches(redemption.Id, Redeem.Code, approval.PickupCodeHash).ShouldBeTrue();
        approval.CollectBy.ShouldBe(Later.Plus(Duration.FromDays(30)));
        approved.Payer.ShouldBe(new PointsCaptured(Build.Zhang, redemption.Id, "G01", 20, 30, 0, Later, "clerk-li"));
        approved.Item.ShouldBe(new CatalogUnitConsumed(item.Id, redemption.Id, null, Later));
        var (r, i, a) = Redeem.Fold(approved, redemption, item, account);
        (r.Status, i.Reserved, i.Consumed, i.Remaining).ShouldBe((RedemptionStatus.Approved, 0, 1, 4));
        (a.Available, a.Held).ShouldBe((30, 0));
    }

    [Fact]
    public void rejection_releases_the_points_and_the_unit_with_the_reason()
    {
        var (redemption, item, account) = Waiting();

        var rejected = RejectRedemptionDecider.Decide(new RejectRedemption(redemption.Id, "  本月已兑完  ", "clerk-li"),
            redemption, Payer.Of(account), Later)!;

        rejected.Redemption.ShouldBe(new RedemptionRejected(redemption.Id, "本月已兑完", Later, "clerk-li"));
        rejected.Payer.ShouldBe(new PointsReleased(Build.Zhang, redemption.Id, item.Id, "G01", 20,
            new LocalDate(2026, 7, 1), ReleaseReason.Rejected, "本月已兑完", 50, 0, Later, "clerk-li"));
        var (r, i, a) = Redeem.Fold(rejected, redemption, item, account);
        (r.Status, i.Remaining, a.Available, a.Held).ShouldBe((RedemptionStatus.Rejected, 5, 50, 0));
    }

    [Fact]
    public void the_same_decision_again_changes_nothing_and_a_different_one_is_a_conflict()
    {
        var (redemption, item, account) = Waiting();
        var (approved, _, afterApproval) = Redeem.Fold(Approve(redemption, account)!, redemption, item, account);

        Approve(approved, afterApproval).ShouldBeNull();
        var rejected = Should.Throw<LedgerRuleViolation>(() => RejectRedemptionDecider.Decide(
            new RejectRedemption(approved.Id, "不符", "clerk-wang"), approved, Payer.Of(afterApproval), Later));
        (rejected.Code, rejected.Kind).ShouldBe(("redemption_already_approved", ViolationKind.Conflict));
        Should.Throw<LedgerRuleViolation>(() => CancelRedemptionDecider.Decide(
                new CancelRedemption(approved.Id, null, "zhang"), approved, Payer.Of(afterApproval), Later))
            .Code.ShouldBe("redemption_already_approved");
    }

    [Fact]
    public void every_final_state_is_final()
    {
        var (redemption, item, account) = Waiting();
        var cancelled = Redeem.Fold(CancelRedemptionDecider.Decide(new CancelRedemption(redemption.Id, "不需要了", "zhang"),
            redemption, Payer.Of(account), Later)!, redemption, item, account);

        CancelRedemptionDecider.Decide(new CancelRedemption(redemption.Id, null, "zhang"), cancelled.Item1,
            Payer.Of(cancelled.Item3), Later).ShouldBeNull();
        Should.Throw<LedgerRuleViolation>(() => Approve(cancelled.Item1, cancelled.Item3)).Code
            .ShouldBe("redemption_cancelled");
        Should.Throw<LedgerRuleViolation>(() => FulfilRedemptionDecider.Decide(
            new FulfilRedemption(redemption.Id, Redeem.Code, "clerk-li"), cancelled.Item1, Later)).Code
            .ShouldBe("redemption_cancelled");
        ExpireRedemptionDecider.Check(cancelled.Item1, Later.Plus(Duration.FromDays(30))).ShouldBe(ExpiryCheck.Nothing);
    }

    [Fact]
    public void once_the_window_has_passed_only_expiry_can_decide()
    {
        var (redemption, _, account) = Waiting();
        var late = redemption.ExpiresAt;

        Should.Throw<LedgerRuleViolation>(() => Approve(redemption, account, late)).Code.ShouldBe("redemption_expired");
        Should.Throw<LedgerRuleViolation>(() => RejectRedemptionDecider.Decide(
            new RejectRedemption(redemption.Id, "太晚", "clerk-li"), redemption, Payer.Of(account), late)).Code
            .ShouldBe("redemption_expired");
        ExpireRedemptionDecider.Check(redemption, late).ShouldBe(ExpiryCheck.Expire);
    }

    [Fact]
    public void the_pickup_code_hands_the_item_over_once()
    {
        var (redemption, item, account) = Waiting();
        var (approved, _, _) = Redeem.Fold(Approve(redemption, account)!, redemption, item, account);

        var wrong = Should.Throw<LedgerRuleViolation>(() => FulfilRedemptionDecider.Decide(
            new FulfilRedemption(approved.Id, "87654321", "clerk-li"), approved, Later));
        (wrong.Code, wrong.Kind, wrong.Field).ShouldBe(("wrong_pickup_code", ViolationKind.Unprocessable, "code"));

        var fulfilled = FulfilRedemptionDecider.Decide(new FulfilRedemption(approved.Id, $" {Redeem.Code} ", "clerk-li"),
            approved, Later)!;
        fulfilled.ShouldBe(new RedemptionFulfilled(approved.Id, Later, "clerk-li"));
        FulfilRedemptionDecider.Decide(new FulfilRedemption(approved.Id, "anything", "clerk-li"),
            approved.Apply(fulfilled), Later).ShouldBeNull();
    }

    [Fact]
    public void nothing_is_handed_over_before_approval_or_after_the_collection_period()
    {
        var (redemption, item, account) = Waiting();
        Should.Throw<LedgerRuleViolation>(() => FulfilRedemptionDecider.Decide(
            new FulfilRedemption(redemption.Id, Redeem.Code, "clerk-li"), redemption, Later)).Code
            .ShouldBe("redemption_not_approved");

        var (approved, _, _) = Redeem.Fold(Approve(redemption, account)!, redemption, item, account);
        Should.Throw<LedgerRuleViolation>(() => FulfilRedemptionDecider.Decide(
            new FulfilRedemption(approved.Id, Redeem.Code, "clerk-li"), approved, approved.CollectBy!.Value)).Code
            .ShouldBe("collection_period_over");
    }

    [Fact]
    public void a_blank_rejection_reason_is_refused()
    {
        var (redemption, _, account) = Waiting();

        var refused = Should.Throw<LedgerRuleViolation>(() => RejectRedemptionDecider.Decide(
            new RejectRedemption(redemption.Id, "  ", "clerk-li"), redemption, Payer.Of(account), Later));

        (refused.Code, refused.Field).ShouldBe(("required", "reason"));
    }
}
