using Marten;
using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Catalog;

/// <param name="Stock">Goods only: the units on the shelf.</param>
/// <param name="Slots">Services only: the dated places offered so far (more can be added later).</param>
public sealed record ListCatalogItem(
    Guid CommunityId,
    string Code,
    string NameZh,
    string NameEn,
    ItemClass Class,
    int Price,
    int? Stock,
    IReadOnlyList<SlotSpec>? Slots,
    int? MonthlyLimit,
    LocalDate? ActiveFrom,
    LocalDate? ActiveUntil,
    string? Supplier,
    string Actor);

public static class ListCatalogItemDecider
{
    public static CatalogItemListed Decide(ListCatalogItem command, bool alreadyListed, Instant now)
    {
        var code = command.Code.Trim().ToUpperInvariant();
        if (!CatalogRules.CodePattern().IsMatch(code))
            throw LedgerRuleViolation.Invalid("invalid_item_code",
                "物品代码须为 2-20 位大写字母、数字或连字符，以字母开头 / code must be 2-20 letters, digits or hyphens, starting with a letter",
                "code");
        if (alreadyListed)
            throw LedgerRuleViolation.Conflict("item_code_taken",
                $"本社区已有代码为 {code} 的物品 / the community already lists an item with code {code}", "code");
        if (!Enum.IsDefined(command.Class))
            throw LedgerRuleViolation.Invalid("invalid_item_class", "class 须为 goods 或 service / class must be goods or service",
                "class");
        var nameZh = PersonalDataGuard.Text(command.NameZh, "nameZh", 60, required: true)!;
        var nameEn = PersonalDataGuard.Text(command.NameEn, "nameEn", 120, required: true)!;
        var supplier = PersonalDataGuard.Text(command.Supplier, "supplier", 60);
        var price = CatalogRules.Price(command.Price);
        if (command.MonthlyLimit is < 1 or > CatalogRules.MaxMonthlyLimit)
            throw LedgerRuleViolation.Invalid("monthly_limit_out_of_range",
                $"每月限兑须在 1 到 {CatalogRules.MaxMonthlyLimit} 之间，或留空表示不限 / monthlyLimit must be between 1 and {CatalogRules.MaxMonthlyLimit}, or null for no limit",
                "monthlyLimit");
        if (command.ActiveFrom is { } from && command.ActiveUntil is { } until && until < from)
            throw LedgerRuleViolation.Invalid("active_window_reversed",
                "上架截止日期不能早于开始日期 / activeUntil cannot be before activeFrom", "activeUntil");
        if (command.ActiveUntil is { } last && last < ShanghaiCalendar.Today(now))
            throw LedgerRuleViolation.Invalid("active_window_over",
                "上架截止日期已过 / activeUntil is already past", "activeUntil");

        var id = CatalogIds.Item(command.CommunityId, code);
        var stock = 0;
        CatalogSlot[] slots = [];
        if (command.Class == ItemClass.Goods)
        {
            if (command.Slots is { Count: > 0 })
                throw LedgerRuleViolation.Invalid("slots_not_for_goods",
                    "生活用品按库存兑换，没有时段 / goods have stock, not slots", "slots");
            stock = command.Stock ?? throw LedgerRuleViolation.Invalid("required",
                "生活用品须填写库存 / stock is required for goods", "stock");
            if (stock is < 0 or > CatalogRules.MaxStock)
                throw LedgerRuleViolation.Invalid("stock_out_of_range",
                    $"库存须在 0 到 {CatalogRules.MaxStock} 之间 / stock must be between 0 and {CatalogRules.MaxStock}",
                    "stock");
        }
        else
        {
            if (command.Stock is not null)
                throw LedgerRuleViolation.Invalid("stock_not_for_services",
                    "社区服务按时段名额兑换，没有库存 / services have slots with places, not stock", "stock");
            var specs = command.Slots ?? [];
            if (specs.Count > CatalogRules.MaxSlotsAtOnce)
                throw LedgerRuleViolation.Invalid("too_many_slots",
                    $"一次最多 {CatalogRules.MaxSlotsAtOnce} 个时段 / at most {CatalogRules.MaxSlotsAtOnce} slots at once",
                    "slots");
            slots = specs.Select(s => CatalogRules.Slot(id, s, now)).ToArray();
            if (slots.Select(s => s.SlotId).Distinct().Count() != slots.Length)
                throw LedgerRuleViolation.Invalid("duplicate_slot",
                    "同一天同一开始时间的时段只能有一个 / two slots start on the same day at the same time", "slots");
            slots = slots.OrderBy(s => s.Date).ThenBy(s => s.Start).ToArray();
        }

        return new CatalogItemListed(id, command.CommunityId, code, nameZh, nameEn, command.Class, price, stock, slots,
            command.MonthlyLimit, command.ActiveFrom, command.ActiveUntil, supplier, now, command.Actor);
    }
}

public static class ListCatalogItemHandler
{
    public static async Task<CatalogItemListed> Handle(ListCatalogItem command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        _ = await session.Events.FetchLatest<Community>(command.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId);
        var existing = await session.Events.FetchStreamStateAsync(CatalogIds.Item(command.CommunityId, command.Code), ct);
        var listed = ListCatalogItemDecider.Decide(command, existing is not null, clock.GetCurrentInstant());
        session.Events.StartStream<CatalogItem>(listed.ItemId, listed);
        return listed;
    }
}
