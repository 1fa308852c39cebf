using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.Redemptions;

public sealed class when_requesting_a_redemption
{
    [Fact]
    public void the_price_is_held_and_a_unit_reserved_in_one_decision()
    {
        var item = Redeem.Goods(price: 20, stock: 3);
        var account = Redeem.Account(50);
        var command = Redeem.Request(item);

        var opened = RequestRedemptionDecider.Decide(command, item, null, account, Redeem.Policy, Redeem.Now);

        opened.Requested.ShouldBe(new RedemptionRequested(command.RedemptionId, Build.Lanhua, item.Id, "G01",
            ItemClass.Goods, null, 20, PayerKind.Volunteer, Build.Zhang, Build.Zhang, null, null,
            new LocalDate(2026, 7, 1), Redeem.Now.Plus(Duration.FromDays(7)), Redeem.Now, "zhang"));
        opened.Reserved.ShouldBe(new CatalogUnitReserved(item.Id, command.RedemptionId, null, Redeem.Now));
        opened.Held.ShouldBe(new PointsHeld(Build.Zhang, command.RedemptionId, item.Id, "G01", 20,
            new LocalDate(2026, 7, 1), 30, 20, Redeem.Now, "zhang"));
        item.Apply(opened.Reserved).Remaining.ShouldBe(2);
        var held = account.Apply((PointsHeld)opened.Held);
        (held.Available, held.Held).ShouldBe((30, 20));
    }

    [Fact]
    public void held_points_are_not_available_for_the_next_request()
    {
        var item = Redeem.Goods(price: 20);
        var (_, afterFirst, account) = Redeem.Requested(item, Redeem.Account(30));

        Should.Throw<LedgerRuleViolation>(() => RequestRedemptionDecider.Decide(Redeem.Request(afterFirst), afterFirst,
            null, account, Redeem.Policy, Redeem.Now)).Code.ShouldBe("insufficient_balance");
    }

    [Fact]
    public void the_last_unit_goes_once()
    {
        var (_, item, _) = Redeem.Requested(Redeem.Goods(stock: 1), Redeem.Account(100));

        var refused = Should.Throw<LedgerRuleViolation>(() => RequestRedemptionDecider.Decide(Redeem.Request(item),
            item, null, Redeem.Account(100), Redeem.Policy, Redeem.Now));

        (refused.Code, refused.Kind, refused.Field).ShouldBe(("out_of_stock", ViolationKind.Conflict, "itemId"));
    }

    [Fact]
    public void the_monthly_limit_counts_held_units_and_a_new_month_starts_afresh()
    {
        var item = Redeem.Goods(price: 10, monthlyLimit: 1);
        var (_, reserved, account) = Redeem.Requested(item, Redeem.Account(100));

        Should.Throw<LedgerRuleViolation>(() => RequestRedemptionDecider.Decide(Redeem.Request(reserved), reserved,
            null, account, Redeem.Policy, Redeem.Now)).Code.ShouldBe("monthly_limit_reached");

        var nextMonth = Instant.FromUtc(2026, 7, 31, 16, 0); // 00:00 on 1 August in Shanghai
        var opened = RequestRedemptionDecider.Decide(Redeem.Request(reserved), reserved, null, account, Redeem.Policy,
            nextMonth);
        opened.Requested.LimitMonth.ShouldBe(new LocalDate(2026, 8, 1));
    }

    [Fact]
    public void a_released_request_gives_its_place_in_the_limit_back()
    {
        var item = Redeem.Goods(price: 10, monthlyLimit: 1);
        var (redemption, reserved, account) = Redeem.Requested(item, Redeem.Account(100));
        var cancelled = CancelRedemptionDecider.Decide(new CancelRedemption(redemption.Id, null, "zhang"), redemption,
            Payer.Of(account), Redeem.Now)!;
        var (_, released, back) = Redeem.Fold(cancelled, redemption, reserved, account);

        back.RedeemedInMonth(item.Id, new LocalDate(2026, 7, 1)).ShouldBe(0);
        Should.NotThrow(() =>
            RequestRedemptionDecider.Decide(Redeem.Request(released), released, null, back, Redeem.Policy, Redeem.Now));
    }

    [Fact]
    public void another_communitys_item_answers_like_one_that_does_not_exist()
    {
        var item = Redeem.Goods(community: Redeem.Elsewhere);

        var refused = Should.Throw<LedgerRuleViolation>(() => RequestRedemptionDecider.Decide(Redeem.Request(item), item,
            null, Redeem.Account(100), Redeem.Policy, Redeem.Now));

        (refused.Code, refused.Kind, refused.Field).ShouldBe(("catalog_item_not_found", ViolationKind.NotFound, "itemId"));
    }

    [Fact]
    public void a_volunteer_may_redeem_for_an_elder_of_their_community_only()
    {
        var item = Redeem.Goods();
        var command = Redeem.Request(item, beneficiary: Redeem.Elder);

        var opened = RequestRedemptionDecider.Decide(command, item, Redeem.ElderOf(Build.Lanhua), Redeem.Account(100),
            Redeem.Policy, Redeem.Now);
        (opened.Requested.BeneficiaryKind, opened.Requested.BeneficiaryId).ShouldBe((BeneficiaryKind.Elder, Redeem.Elder));
        opened.Requested.PayerId.ShouldBe(Build.Zhang);

        foreach (var found in new[] { null, Redeem.ElderOf(Redeem.Elsewhere) })
            Should.Throw<LedgerRuleViolation>(() => RequestRedemptionDecider.Decide(command, item, found,
                Redeem.Account(100), Redeem.Policy, Redeem.Now)).Code.ShouldBe("beneficiary_not_found");
    }

    [Fact]
    public void a_service_needs_a_slot_still_to_come_with_a_place_left()
    {
        var haircut = Redeem.Haircut(capacity: 1);
        var slot = haircut.Slots.Keys.Single();

        Code(haircut, null).ShouldBe("slot_required");
        Code(haircut, Guid.NewGuid()).ShouldBe("slot_not_found");
        Code(haircut, slot, at: Instant.FromUtc(2026, 7, 7, 1, 0)).ShouldBe("slot_passed"); // 09:00 on the day
        var (_, full, _) = Redeem.Requested(haircut, Redeem.Account(100), slot);
        full.Slots[slot].Remaining.ShouldBe(0);
        Code(full, slot).ShouldBe("slot_full");
        Code(Redeem.Goods(), slot).ShouldBe("slots_not_for_goods");
    }

    [Fact]
    public void a_delisted_item_or_one_outside_its_window_cannot_be_requested()
    {
        var item = Redeem.Goods();
        Code(item.Apply(new CatalogItemDelisted(item.Id, "停止供应", Redeem.Now, "office")), null)
            .ShouldBe("item_delisted");
        Code(Redeem.Goods(activeFrom: new LocalDate(2026, 7, 7)), null).ShouldBe("item_not_active");
        Code(Redeem.Goods(activeUntil: new LocalDate(2026, 7, 5)), null).ShouldBe("item_not_active");
        Should.NotThrow(() => Code(Redeem.Goods(activeFrom: new LocalDate(2026, 7, 6),
            activeUntil: new LocalDate(2026, 7, 6)), null, expectRefusal: false));
    }

    [Fact]
    public void an_erased_volunteer_redeems_nothing()
    {
        var item = Redeem.Goods();
        var erased = Redeem.Account(100).Apply(new VolunteerErased(Build.Zhang, "本人申请", Redeem.Now, "admin"));

        Should.Throw<LedgerRuleViolation>(() => RequestRedemptionDecider.Decide(Redeem.Request(item), item, null, erased,
            Redeem.Policy, Redeem.Now)).Code.ShouldBe("volunteer_erased");
    }

    [Fact]
    public void the_same_id_again_is_a_repeat_only_when_it_asks_for_the_same_thing()
    {
        var item = Redeem.Goods();
        var command = Redeem.Request(item);
        var existing = Redemption.Create(RequestRedemptionDecider.Decide(command, item, null, Redeem.Account(100),
            Redeem.Policy, Redeem.Now).Requested);

        Should.NotThrow(() => RequestRedemptionDecider.EnsureSameRequest(command, existing));
        Should.Throw<LedgerRuleViolation>(() => RequestRedemptionDecider.EnsureSameRequest(
            command with { ItemId = Guid.NewGuid() }, existing)).Code.ShouldBe("redemption_exists");
        Should.Throw<LedgerRuleViolation>(() => RequestRedemptionDecider.EnsureSameRequest(
            command with { BeneficiaryId = Redeem.Elder }, existing)).Code.ShouldBe("redemption_exists");
    }

    private static string? Code(CatalogItem item, Guid? slot, Instant? at = null, bool expectRefusal = true)
    {
        try
        {
            RequestRedemptionDecider.Decide(Redeem.Request(item, slot), item, null, Redeem.Account(100), Redeem.Policy,
                at ?? Redeem.Now);
            if (expectRefusal) throw new ShouldAssertException("expected a refusal");
            return null;
        }
        catch (LedgerRuleViolation v)
        {
            return v.Code;
        }
    }
}
