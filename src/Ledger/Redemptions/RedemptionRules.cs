using NodaTime;
using QunTuan.Ledger.Beneficiaries;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Redemptions;

/// <summary>What a request and a chest grant check alike before a unit is reserved.</summary>
public static class RedemptionRules
{
    /// <summary>The item can be had now: listed, active today, and a unit (or a place in the slot) is left.</summary>
    public static SlotState? EnsureReservable(CatalogItem item, Guid? slotId, Instant now)
    {
        CatalogRules.EnsureListed(item);
        if (!item.ActiveOn(ShanghaiCalendar.Today(now)))
            throw LedgerRuleViolation.Conflict("item_not_active",
                "该物品当前不在兑换期内 / the item cannot be redeemed today", "itemId");

        if (item.Class == ItemClass.Goods)
        {
            if (slotId is not null)
                throw LedgerRuleViolation.Invalid("slots_not_for_goods",
                    "生活用品按库存兑换，没有时段 / goods have stock, not slots", "slotId");
            if (item.Remaining < 1)
                throw LedgerRuleViolation.Conflict("out_of_stock", "该物品已兑完 / the item is out of stock", "itemId");
            return null;
        }

        if (slotId is not { } id)
            throw LedgerRuleViolation.Invalid("slot_required", "社区服务须选择时段 / a service needs a slotId", "slotId");
        if (!item.Slots.TryGetValue(id, out var slot))
            throw LedgerRuleViolation.NotFound("slot", id, "slotId");
        if (slot.StartsAt <= now)
            throw LedgerRuleViolation.Conflict("slot_passed", "该时段已开始或已结束 / the slot has already started",
                "slotId");
        if (slot.Remaining < 1)
            throw LedgerRuleViolation.Conflict("slot_full", "该时段名额已满 / the slot is full", "slotId");
        return slot;
    }

    /// <summary>A beneficiary named in a request must be registered with the item's community; one of another
    /// community answers like one that does not exist.</summary>
    public static Beneficiary? EnsureBeneficiary(Guid? requested, Beneficiary? found, Guid communityId)
    {
        if (requested is not { } id) return null;
        if (found is null || found.Id != id || found.CommunityId != communityId)
            throw LedgerRuleViolation.NotFound("beneficiary", id, "beneficiaryId");
        return found;
    }
}
