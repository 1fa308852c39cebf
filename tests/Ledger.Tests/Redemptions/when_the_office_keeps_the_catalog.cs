using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Redemptions;

public sealed class when_the_office_keeps_the_catalog
{
    private static ListCatalogItem Goods(string code = "g01", int price = 20, int? stock = 10, int? limit = 2) =>
        new(Build.Lanhua, code, "大米（5公斤）", "Rice (5 kg)", ItemClass.Goods, price, stock, null, limit, null, null,
            "兰花社区爱心超市", "clerk-li");

    private static ListCatalogItem Service(params SlotSpec[] slots) =>
        new(Build.Lanhua, "S01", "公益理发", "Free haircut", ItemClass.Service, 20, null, slots, 1, null, null, null,
            "clerk-li");

    private static readonly SlotSpec Tuesday = new(new LocalDate(2026, 7, 7), new LocalTime(9, 0), new LocalTime(11, 0), 6);

    [Fact]
    public void an_item_is_listed_under_an_id_derived_from_its_community_and_code()
    {
        var listed = ListCatalogItemDecider.Decide(Goods(), false, Redeem.Now);

        (listed.ItemId, listed.Code).ShouldBe((CatalogIds.Item(Build.Lanhua, "G01"), "G01"));
        CatalogItem.Create(listed).Remaining.ShouldBe(10);
        Should.Throw<LedgerRuleViolation>(() => ListCatalogItemDecider.Decide(Goods(), true, Redeem.Now)).Code
            .ShouldBe("item_code_taken");
    }

    [Fact]
    public void a_service_is_listed_with_dated_slots_and_gets_more_later()
    {
        var listed = ListCatalogItemDecider.Decide(Service(Tuesday), false, Redeem.Now);
        var item = CatalogItem.Create(listed);
        item.Slots.Values.Single().ShouldBe(new SlotState(CatalogIds.Slot(item.Id, Tuesday.Date, Tuesday.Start),
            Tuesday.Date, Tuesday.Start, Tuesday.End, 6));

        var added = AddCatalogSlotDecider.Decide(new AddCatalogSlot(item.Id, Tuesday with { Date = new LocalDate(2026, 7, 14) },
            "clerk-li"), item, Redeem.Now);
        item.Apply(added).Remaining.ShouldBe(12);
        Should.Throw<LedgerRuleViolation>(() => AddCatalogSlotDecider.Decide(new AddCatalogSlot(item.Id, Tuesday, "li"),
            item, Redeem.Now)).Code.ShouldBe("slot_exists");
    }

    [Theory]
    [InlineData("1ABC", 20, 10, 2, "invalid_item_code", "code")]
    [InlineData("G01", 0, 10, 2, "price_out_of_range", "price")]
    [InlineData("G01", 10_001, 10, 2, "price_out_of_range", "price")]
    [InlineData("G01", 20, -1, 2, "stock_out_of_range", "stock")]
    [InlineData("G01", 20, null, 2, "required", "stock")]
    [InlineData("G01", 20, 10, 0, "monthly_limit_out_of_range", "monthlyLimit")]
    public void goods_need_a_code_a_price_and_a_stock(string code, int price, int? stock, int? limit, string problem,
        string field)
    {
        var refused = Should.Throw<LedgerRuleViolation>(() =>
            ListCatalogItemDecider.Decide(Goods(code, price, stock, limit), false, Redeem.Now));

        (refused.Code, refused.Field).ShouldBe((problem, field));
    }

    [Fact]
    public void service_slots_must_be_in_the_future_well_formed_and_distinct()
    {
        string Refused(params SlotSpec[] slots) => Should.Throw<LedgerRuleViolation>(() =>
            ListCatalogItemDecider.Decide(Service(slots), false, Redeem.Now)).Code;

        Refused(Tuesday with { End = new LocalTime(9, 0) }).ShouldBe("slot_end_not_after_start");
        Refused(Tuesday with { Capacity = 0 }).ShouldBe("capacity_out_of_range");
        Refused(Tuesday with { Date = new LocalDate(2026, 7, 6), Start = new LocalTime(9, 0) }).ShouldBe("slot_in_past");
        Refused(Tuesday with { Date = new LocalDate(2027, 7, 8) }).ShouldBe("slot_too_far_ahead");
        Refused(Tuesday, Tuesday with { End = new LocalTime(12, 0) }).ShouldBe("duplicate_slot");
        Should.Throw<LedgerRuleViolation>(() => ListCatalogItemDecider.Decide(
            Service(Tuesday) with { Stock = 5 }, false, Redeem.Now)).Code.ShouldBe("stock_not_for_services");
    }

    [Fact]
    public void restocking_repricing_and_delisting_are_events_and_repeats_change_nothing()
    {
        var item = Redeem.Goods(price: 20, stock: 10);

        var restocked = RestockCatalogItemDecider.Decide(new RestockCatalogItem(item.Id, null, 5, "新到货", "li"), item,
            Redeem.Now);
        (restocked.StockAfter, item.Apply(restocked).Remaining).ShouldBe((15, 15));

        var repriced = RepriceCatalogItemDecider.Decide(new RepriceCatalogItem(item.Id, 25, "li"), item, Redeem.Now)!;
        (repriced.OldPrice, repriced.NewPrice).ShouldBe((20, 25));
        RepriceCatalogItemDecider.Decide(new RepriceCatalogItem(item.Id, 20, "li"), item, Redeem.Now).ShouldBeNull();

        var delisted = item.Apply(DelistCatalogItemDecider.Decide(new DelistCatalogItem(item.Id, "停止供应", "li"), item,
            Redeem.Now)!);
        DelistCatalogItemDecider.Decide(new DelistCatalogItem(item.Id, "再次", "li"), delisted, Redeem.Now).ShouldBeNull();
        Should.Throw<LedgerRuleViolation>(() => RestockCatalogItemDecider.Decide(
            new RestockCatalogItem(item.Id, null, 5, null, "li"), delisted, Redeem.Now)).Code.ShouldBe("item_delisted");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CatalogRules.MaxStock)]
    [InlineData(int.MaxValue)]
    public void a_restock_cannot_take_the_shelf_past_its_limit_or_round_it_negative(int quantity)
    {
        var item = Redeem.Goods(stock: 10);

        Should.Throw<LedgerRuleViolation>(() => RestockCatalogItemDecider.Decide(
            new RestockCatalogItem(item.Id, null, quantity, null, "li"), item, Redeem.Now)).Code
            .ShouldBe("quantity_out_of_range");
    }

    [Fact]
    public void a_service_is_restocked_slot_by_slot()
    {
        var haircut = Redeem.Haircut(capacity: 2);
        var slot = haircut.Slots.Keys.Single();

        Should.Throw<LedgerRuleViolation>(() => RestockCatalogItemDecider.Decide(
            new RestockCatalogItem(haircut.Id, null, 1, null, "li"), haircut, Redeem.Now)).Code.ShouldBe("slot_required");
        var restocked = RestockCatalogItemDecider.Decide(new RestockCatalogItem(haircut.Id, slot, 3, null, "li"), haircut,
            Redeem.Now);
        haircut.Apply(restocked).Slots[slot].Remaining.ShouldBe(5);
    }
}
