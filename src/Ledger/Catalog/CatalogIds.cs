using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Catalog;

/// <summary>
/// An item's id is derived from its community and code, so the event store's key keeps codes unique per community
/// and a seed lists an item once. A slot's id is derived from its item, day and start, so one slot cannot be
/// added twice.
/// </summary>
public static class CatalogIds
{
    private static readonly Guid ItemNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0201");
    private static readonly Guid SlotNamespace = new("6b7d1c1e-0f7a-4f5e-9a55-2f1f7a3c0202");

    public static Guid Item(Guid communityId, string code) =>
        DeterministicId.Create(ItemNamespace, $"{communityId:N}/{code.Trim().ToUpperInvariant()}");

    public static Guid Slot(Guid itemId, LocalDate date, LocalTime start) =>
        DeterministicId.Create(SlotNamespace, $"{itemId:N}/{date:uuuu-MM-dd}/{start:HH':'mm}");
}
