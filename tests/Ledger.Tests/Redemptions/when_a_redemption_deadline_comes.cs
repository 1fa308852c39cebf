using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.Redemptions;

public sealed class when_a_redemption_deadline_comes
{
    [Fact]
    public void an_early_reminder_waits_and_a_due_one_releases_everything()
    {
        var (redemption, item, account) = Redeem.Requested(Redeem.Goods(price: 20), Redeem.Account(50));
        var due = redemption.ExpiresAt;

        ExpireRedemptionDecider.Check(redemption, due.Minus(Duration.FromSeconds(1))).ShouldBe(ExpiryCheck.NotYet);
        ExpireRedemptionDecider.Decide(redemption, Payer.Of(account), due.Minus(Duration.FromSeconds(1))).ShouldBeNull();

        var expired = ExpireRedemptionDecider.Decide(redemption, Payer.Of(account), due)!;
        expired.Redemption.ShouldBe(new RedemptionExpired(redemption.Id, due, due, RedemptionDeadlines.SystemActor));
        expired.Item.ShouldBe(new CatalogUnitReleased(item.Id, redemption.Id, null, due));
        expired.Payer.ShouldBeOfType<PointsReleased>().Reason.ShouldBe(ReleaseReason.Expired);
        var (r, i, a) = Redeem.Fold(expired, redemption, item, account);
        (r.Status, i.Remaining, a.Available, a.Held).ShouldBe((RedemptionStatus.Expired, 10, 50, 0));
        ExpireRedemptionDecider.Check(r, due.Plus(Duration.FromDays(1))).ShouldBe(ExpiryCheck.Nothing);
    }

    [Fact]
    public void an_approved_item_never_collected_is_refunded_and_goes_back_on_the_shelf()
    {
        var (redemption, item, account) = Redeem.Requested(Redeem.Goods(price: 20, monthlyLimit: 1), Redeem.Account(50));
        var approval = ApproveRedemptionDecider.Decide(new ApproveRedemption(redemption.Id, "clerk-li"), redemption,
            Payer.Of(account), Redeem.Code, Redeem.Policy, Redeem.Now)!;
        var (approved, taken, spent) = Redeem.Fold(approval, redemption, item, account);
        var collectBy = approved.CollectBy!.Value;

        CloseUncollectedRedemptionDecider.Decide(approved, Payer.Of(spent), collectBy.Minus(Duration.FromSeconds(1)))
            .ShouldBeNull();
        var refunded = CloseUncollectedRedemptionDecider.Decide(approved, Payer.Of(spent), collectBy)!;

        refunded.Payer.ShouldBe(new PointsRefunded(Build.Zhang, redemption.Id, item.Id, "G01", 20,
            new LocalDate(2026, 7, 1), RefundReason.NotCollected, 50, collectBy, RedemptionDeadlines.SystemActor));
        refunded.Item.ShouldBe(new CatalogUnitReturned(item.Id, redemption.Id, null, collectBy));
        var (r, i, a) = Redeem.Fold(refunded, approved, taken, spent);
        (r.Status, i.Consumed, i.Remaining, a.Available).ShouldBe((RedemptionStatus.Refunded, 0, 10, 50));
        a.RedeemedInMonth(item.Id, new LocalDate(2026, 7, 1)).ShouldBe(0);
    }

    [Fact]
    public void a_collected_item_is_never_refunded()
    {
        var (redemption, item, account) = Redeem.Requested(Redeem.Goods(), Redeem.Account(50));
        var (approved, _, spent) = Redeem.Fold(ApproveRedemptionDecider.Decide(new ApproveRedemption(redemption.Id, "li"),
            redemption, Payer.Of(account), Redeem.Code, Redeem.Policy, Redeem.Now)!, redemption, item, account);
        var fulfilled = approved.Apply(new RedemptionFulfilled(approved.Id, Redeem.Now, "li"));

        CloseUncollectedRedemptionDecider.Check(fulfilled, approved.CollectBy!.Value.Plus(Duration.FromDays(1)))
            .ShouldBe(ExpiryCheck.Nothing);
        CloseUncollectedRedemptionDecider.Decide(fulfilled, Payer.Of(spent), approved.CollectBy!.Value).ShouldBeNull();
    }

    [Fact]
    public void a_reminder_due_now_still_waits_a_moment_in_the_queue()
    {
        RedemptionDeadlines.Delay(Redeem.Now, Redeem.Now).ShouldBe(TimeSpan.FromMilliseconds(100));
        RedemptionDeadlines.Delay(Redeem.Now.Plus(Duration.FromDays(7)), Redeem.Now).ShouldBe(TimeSpan.FromDays(7));
    }
}
