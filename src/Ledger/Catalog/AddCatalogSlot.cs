using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Catalog;

public sealed record AddCatalogSlot(Guid ItemId, SlotSpec Slot, string Actor);

public static class AddCatalogSlotDecider
{
    public static CatalogSlotAdded Decide(AddCatalogSlot command, CatalogItem item, Instant now)
    {
        CatalogRules.EnsureListed(item);
        if (item.Class != ItemClass.Service)
            throw LedgerRuleViolation.Invalid("slots_not_for_goods",
                "生活用品按库存兑换，没有时段 / goods have stock, not slots", "date");
        var slot = CatalogRules.Slot(item.Id, command.Slot, now, "date");
        if (item.Slots.ContainsKey(slot.SlotId))
            throw LedgerRuleViolation.Conflict("slot_exists",
                "同一天同一开始时间已有时段 / a slot already starts on that day at that time", "start");
        return new CatalogSlotAdded(item.Id, slot, now, command.Actor);
    }
}

public static class AddCatalogSlotHandler
{
    public static async Task<CatalogSlotAdded> Handle(AddCatalogSlot command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<CatalogItem>(command.ItemId, ct);
        var item = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("catalog_item", command.ItemId);
        var added = AddCatalogSlotDecider.Decide(command, item, clock.GetCurrentInstant());
        stream.AppendOne(added);
        return added;
    }
}
