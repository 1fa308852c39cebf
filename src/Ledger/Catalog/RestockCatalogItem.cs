using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Catalog;

/// <param name="SlotId">Services only: the slot that gets more places.</param>
public sealed record RestockCatalogItem(Guid ItemId, Guid? SlotId, int Quantity, string? Note, string Actor);

public static class RestockCatalogItemDecider
{
    public static CatalogItemRestocked Decide(RestockCatalogItem command, CatalogItem item, Instant now)
    {
        CatalogRules.EnsureListed(item);
        var note = PersonalDataGuard.Text(command.Note, "note", 200);
        if (item.Class == ItemClass.Goods)
        {
            if (command.SlotId is not null)
                throw LedgerRuleViolation.Invalid("slots_not_for_goods",
                    "生活用品按库存兑换，没有时段 / goods have stock, not slots", "slotId");
            if (command.Quantity is < 1 or > CatalogRules.MaxStock ||
                item.Stock - item.Consumed + command.Quantity > CatalogRules.MaxStock)
                throw LedgerRuleViolation.Invalid("quantity_out_of_range",
                    $"补货数量须至少为 1，在架数量不超过 {CatalogRules.MaxStock} / quantity must be at least 1 and keep the shelf at most {CatalogRules.MaxStock}",
                    "quantity");
            return new CatalogItemRestocked(item.Id, null, command.Quantity, item.Stock + command.Quantity, note, now,
                command.Actor);
        }

        if (command.SlotId is not { } slotId)
            throw LedgerRuleViolation.Invalid("slot_required", "社区服务须指定时段 / a service needs a slotId", "slotId");
        if (!item.Slots.TryGetValue(slotId, out var slot))
            throw LedgerRuleViolation.NotFound("slot", slotId, "slotId");
        if (command.Quantity is < 1 or > CatalogRules.MaxCapacity || slot.Capacity + command.Quantity > CatalogRules.MaxCapacity)
            throw LedgerRuleViolation.Invalid("quantity_out_of_range",
                $"增加名额须至少为 1，时段名额不超过 {CatalogRules.MaxCapacity} / quantity must be at least 1 and keep the slot at most {CatalogRules.MaxCapacity} places",
                "quantity");
        return new CatalogItemRestocked(item.Id, slotId, command.Quantity, slot.Capacity + command.Quantity, note, now,
            command.Actor);
    }
}

public static class RestockCatalogItemHandler
{
    public static async Task<CatalogItemRestocked> Handle(RestockCatalogItem command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<CatalogItem>(command.ItemId, ct);
        var item = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("catalog_item", command.ItemId);
        var restocked = RestockCatalogItemDecider.Decide(command, item, clock.GetCurrentInstant());
        stream.AppendOne(restocked);
        return restocked;
    }
}
