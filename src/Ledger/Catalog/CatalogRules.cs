using System.Text.RegularExpressions;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Catalog;

/// <summary>A slot as the office asks for it; its id is derived from the item, day and start.</summary>
public sealed record SlotSpec(LocalDate Date, LocalTime Start, LocalTime End, int Capacity);

/// <summary>The checks listing, restocking and adding slots share.</summary>
public static partial class CatalogRules
{
    public const int MaxPrice = 10_000;
    public const int MaxStock = 100_000;
    public const int MaxCapacity = 1_000;
    public const int MaxMonthlyLimit = 100;
    public const int MaxSlotsAtOnce = 100;
    public const int MaxDaysAhead = 366;

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,19}$")]
    public static partial Regex CodePattern();

    public static int Price(int price, string field = "price") =>
        price is < 1 or > MaxPrice
            ? throw LedgerRuleViolation.Invalid("price_out_of_range",
                $"积分价格须在 1 到 {MaxPrice} 之间 / {field} must be between 1 and {MaxPrice}", field)
            : price;

    /// <summary>Checks one slot and gives it its id. A slot must start in the future and within a year.</summary>
    public static CatalogSlot Slot(Guid itemId, SlotSpec spec, Instant now, string field = "slots")
    {
        if (spec.End <= spec.Start)
            throw LedgerRuleViolation.Invalid("slot_end_not_after_start",
                "时段结束须晚于开始 / a slot must end after it starts", field);
        if (spec.Capacity is < 1 or > MaxCapacity)
            throw LedgerRuleViolation.Invalid("capacity_out_of_range",
                $"名额须在 1 到 {MaxCapacity} 之间 / capacity must be between 1 and {MaxCapacity}", field);
        if (ShanghaiCalendar.At(spec.Date, spec.Start) <= now)
            throw LedgerRuleViolation.Invalid("slot_in_past",
                "时段须在将来开始 / a slot must start in the future", field);
        if (spec.Date > ShanghaiCalendar.Today(now).PlusDays(MaxDaysAhead))
            throw LedgerRuleViolation.Invalid("slot_too_far_ahead",
                $"时段最多提前 {MaxDaysAhead} 天安排 / a slot can be at most {MaxDaysAhead} days ahead", field);
        return new CatalogSlot(CatalogIds.Slot(itemId, spec.Date, spec.Start), spec.Date, spec.Start, spec.End,
            spec.Capacity);
    }

    public static void EnsureListed(CatalogItem item)
    {
        if (item.Delisted)
            throw LedgerRuleViolation.Conflict("item_delisted", "该物品已下架 / the item was delisted");
    }
}
