using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Shared;

namespace QunTuan.Projections.Catalog;

/// <summary>One slot of a service with what is left of it.</summary>
public sealed record SlotView(
    Guid SlotId,
    LocalDate Date,
    LocalTime Start,
    LocalTime End,
    int Capacity,
    int Reserved,
    int Consumed,
    int Remaining,
    Instant StartsAt);

/// <summary>
/// A catalog item as the office and volunteers see it: price, and what is left (stock − reserved − consumed) in
/// all and per slot. <see cref="Remaining"/> counts every slot, including past ones; the catalog endpoint shows the
/// places still to come.
/// </summary>
public sealed record CatalogItemView(
    Guid Id,
    Guid CommunityId,
    string Code,
    string NameZh,
    string NameEn,
    ItemClass Class,
    int Price,
    int Stock,
    int Reserved,
    int Consumed,
    int Remaining,
    IReadOnlyList<SlotView> Slots,
    int? MonthlyLimit,
    LocalDate? ActiveFrom,
    LocalDate? ActiveUntil,
    string? Supplier,
    bool Delisted,
    Instant ListedAt,
    string ListedBy,
    string? DelistReason = null,
    Instant? DelistedAt = null);

public sealed partial class CatalogItemViewProjection : SingleStreamProjection<CatalogItemView, Guid>
{
    public CatalogItemView Create(CatalogItemListed e) =>
        new(e.ItemId, e.CommunityId, e.Code, e.NameZh, e.NameEn, e.Class, e.Price,
            e.Class == ItemClass.Goods ? e.Stock : e.Slots.Sum(s => s.Capacity), 0, 0,
            e.Class == ItemClass.Goods ? e.Stock : e.Slots.Sum(s => s.Capacity), e.Slots.Select(Slot).ToList(),
            e.MonthlyLimit, e.ActiveFrom, e.ActiveUntil, e.Supplier, false, e.ListedAt, e.ListedBy);

    public CatalogItemView Apply(CatalogItemRestocked e, CatalogItemView v) =>
        Counted(v with
        {
            Stock = v.Stock + e.Quantity,
            Slots = e.SlotId is { } id
                ? v.Slots.Select(s => s.SlotId == id ? Recount(s with { Capacity = e.StockAfter }) : s).ToList()
                : v.Slots
        });

    public CatalogItemView Apply(CatalogSlotAdded e, CatalogItemView v) =>
        Counted(v with
        {
            Stock = v.Stock + e.Slot.Capacity,
            Slots = v.Slots.Append(Slot(e.Slot)).OrderBy(s => s.Date).ThenBy(s => s.Start).ToList()
        });

    public CatalogItemView Apply(CatalogItemRepriced e, CatalogItemView v) => v with { Price = e.NewPrice };

    public CatalogItemView Apply(CatalogItemDelisted e, CatalogItemView v) =>
        v with { Delisted = true, DelistReason = e.Reason, DelistedAt = e.DelistedAt };

    public CatalogItemView Apply(CatalogUnitReserved e, CatalogItemView v) => Move(v, e.SlotId, 1, 0);

    public CatalogItemView Apply(CatalogUnitReleased e, CatalogItemView v) => Move(v, e.SlotId, -1, 0);

    public CatalogItemView Apply(CatalogUnitConsumed e, CatalogItemView v) => Move(v, e.SlotId, -1, 1);

    public CatalogItemView Apply(CatalogUnitReturned e, CatalogItemView v) => Move(v, e.SlotId, 0, -1);

    private static SlotView Slot(CatalogSlot s) =>
        new(s.SlotId, s.Date, s.Start, s.End, s.Capacity, 0, 0, s.Capacity, ShanghaiCalendar.At(s.Date, s.Start));

    private static SlotView Recount(SlotView s) => s with { Remaining = s.Capacity - s.Reserved - s.Consumed };

    private static CatalogItemView Counted(CatalogItemView v) => v with { Remaining = v.Stock - v.Reserved - v.Consumed };

    private static CatalogItemView Move(CatalogItemView v, Guid? slotId, int reserved, int consumed) =>
        Counted(v with
        {
            Reserved = v.Reserved + reserved,
            Consumed = v.Consumed + consumed,
            Slots = slotId is { } id
                ? v.Slots.Select(s => s.SlotId == id
                    ? Recount(s with { Reserved = s.Reserved + reserved, Consumed = s.Consumed + consumed })
                    : s).ToList()
                : v.Slots
        });
}
