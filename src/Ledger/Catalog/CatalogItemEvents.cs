using NodaTime;

namespace QunTuan.Ledger.Catalog;

// One stream per catalog item: what it is and costs, every change the office makes, and every unit that is
// reserved for a request, consumed by an approval, released or returned. Remaining = stock − reserved − consumed.

/// <summary>A dated place for a community service: <paramref name="Capacity"/> people on <paramref name="Date"/>
/// from <paramref name="Start"/> to <paramref name="End"/> (Shanghai time).</summary>
public sealed record CatalogSlot(Guid SlotId, LocalDate Date, LocalTime Start, LocalTime End, int Capacity);

/// <summary>
/// Office staff put an item in the community's catalog. Goods come with <paramref name="Stock"/>; services with
/// <paramref name="Slots"/>. <paramref name="MonthlyLimit"/> caps the units one volunteer may take per calendar
/// month (null: no cap); the item can be requested on the days from <paramref name="ActiveFrom"/> to
/// <paramref name="ActiveUntil"/> (either open). <paramref name="Supplier"/> is the donor or supplier (爱心商家).
/// </summary>
public sealed record CatalogItemListed(
    Guid ItemId,
    Guid CommunityId,
    string Code,
    string NameZh,
    string NameEn,
    ItemClass Class,
    int Price,
    int Stock,
    CatalogSlot[] Slots,
    int? MonthlyLimit,
    LocalDate? ActiveFrom,
    LocalDate? ActiveUntil,
    string? Supplier,
    Instant ListedAt,
    string ListedBy);

/// <summary>More units of a good arrived (<paramref name="SlotId"/> null), or a service slot got more places.</summary>
public sealed record CatalogItemRestocked(
    Guid ItemId,
    Guid? SlotId,
    int Quantity,
    int StockAfter,
    string? Note,
    Instant RestockedAt,
    string RestockedBy);

/// <summary>A new dated slot for a service.</summary>
public sealed record CatalogSlotAdded(Guid ItemId, CatalogSlot Slot, Instant AddedAt, string AddedBy);

/// <summary>The price changed for requests from now on; open requests keep the price they were made at.</summary>
public sealed record CatalogItemRepriced(
    Guid ItemId,
    int OldPrice,
    int NewPrice,
    Instant RepricedAt,
    string RepricedBy);

/// <summary>The item left the catalog: no new requests. Open requests are still decided.</summary>
public sealed record CatalogItemDelisted(Guid ItemId, string Reason, Instant DelistedAt, string DelistedBy);

/// <summary>A unit (or a place in a slot) was set aside for a request, together with the requester's points.</summary>
public sealed record CatalogUnitReserved(Guid ItemId, Guid RedemptionId, Guid? SlotId, Instant ReservedAt);

/// <summary>A reservation was let go: the request was rejected, cancelled or expired.</summary>
public sealed record CatalogUnitReleased(Guid ItemId, Guid RedemptionId, Guid? SlotId, Instant ReleasedAt);

/// <summary>The office approved the request: the reserved unit is taken.</summary>
public sealed record CatalogUnitConsumed(Guid ItemId, Guid RedemptionId, Guid? SlotId, Instant ConsumedAt);

/// <summary>An approved unit was never collected and went back on the shelf.</summary>
public sealed record CatalogUnitReturned(Guid ItemId, Guid RedemptionId, Guid? SlotId, Instant ReturnedAt);
