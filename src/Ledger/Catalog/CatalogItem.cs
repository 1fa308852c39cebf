using System.Collections.Immutable;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Catalog;

/// <summary>One slot of a service: places given, places reserved for open requests, places taken.</summary>
public sealed record SlotState(Guid SlotId, LocalDate Date, LocalTime Start, LocalTime End, int Capacity,
    int Reserved = 0, int Consumed = 0)
{
    public int Remaining => Capacity - Reserved - Consumed;

    public Instant StartsAt => ShanghaiCalendar.At(Date, Start);

    public static SlotState From(CatalogSlot slot) => new(slot.SlotId, slot.Date, slot.Start, slot.End, slot.Capacity);
}

/// <summary>
/// Decision state of a catalog item. For goods <see cref="Stock"/> counts every unit ever stocked; for services
/// the counts live on each slot and the item's counters are their sums. Remaining = stock − reserved − consumed.
/// </summary>
public sealed record CatalogItem(
    Guid Id,
    Guid CommunityId,
    string Code,
    ItemClass Class,
    int Price,
    int Stock,
    int Reserved,
    int Consumed,
    ImmutableDictionary<Guid, SlotState> Slots,
    int? MonthlyLimit,
    LocalDate? ActiveFrom,
    LocalDate? ActiveUntil,
    bool Delisted)
{
    public int Remaining => Stock - Reserved - Consumed;

    public static CatalogItem Create(CatalogItemListed e) =>
        new(e.ItemId, e.CommunityId, e.Code, e.Class, e.Price, e.Class == ItemClass.Goods ? e.Stock : e.Slots.Sum(s => s.Capacity),
            0, 0, e.Slots.ToImmutableDictionary(s => s.SlotId, SlotState.From), e.MonthlyLimit, e.ActiveFrom,
            e.ActiveUntil, false);

    public CatalogItem Apply(CatalogItemRestocked e) =>
        e.SlotId is { } slot
            ? this with { Stock = Stock + e.Quantity, Slots = Slots.SetItem(slot, Slots[slot] with { Capacity = Slots[slot].Capacity + e.Quantity }) }
            : this with { Stock = e.StockAfter };

    public CatalogItem Apply(CatalogSlotAdded e) =>
        this with { Stock = Stock + e.Slot.Capacity, Slots = Slots.SetItem(e.Slot.SlotId, SlotState.From(e.Slot)) };

    public CatalogItem Apply(CatalogItemRepriced e) => this with { Price = e.NewPrice };

    public CatalogItem Apply(CatalogItemDelisted _) => this with { Delisted = true };

    public CatalogItem Apply(CatalogUnitReserved e) => Move(e.SlotId, reserved: 1, consumed: 0);

    public CatalogItem Apply(CatalogUnitReleased e) => Move(e.SlotId, reserved: -1, consumed: 0);

    public CatalogItem Apply(CatalogUnitConsumed e) => Move(e.SlotId, reserved: -1, consumed: 1);

    public CatalogItem Apply(CatalogUnitReturned e) => Move(e.SlotId, reserved: 0, consumed: -1);

    /// <summary>Whether a request may be made today: listed, and inside the active window.</summary>
    public bool ActiveOn(LocalDate today) =>
        !Delisted && (ActiveFrom is null || ActiveFrom <= today) && (ActiveUntil is null || today <= ActiveUntil);

    private CatalogItem Move(Guid? slotId, int reserved, int consumed)
    {
        var moved = this with { Reserved = Reserved + reserved, Consumed = Consumed + consumed };
        if (slotId is not { } id || !Slots.TryGetValue(id, out var slot)) return moved;
        return moved with
        {
            Slots = Slots.SetItem(id, slot with { Reserved = slot.Reserved + reserved, Consumed = slot.Consumed + consumed })
        };
    }
}
