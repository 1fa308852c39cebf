using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Catalog;

public sealed record RepriceCatalogItem(Guid ItemId, int Price, string Actor);

public static class RepriceCatalogItemDecider
{
    /// <summary>The new price, or nothing when the item already costs that.</summary>
    public static CatalogItemRepriced? Decide(RepriceCatalogItem command, CatalogItem item, Instant now)
    {
        CatalogRules.EnsureListed(item);
        var price = CatalogRules.Price(command.Price);
        return price == item.Price ? null : new CatalogItemRepriced(item.Id, item.Price, price, now, command.Actor);
    }
}

public static class RepriceCatalogItemHandler
{
    public static async Task<CatalogItem> Handle(RepriceCatalogItem command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<CatalogItem>(command.ItemId, ct);
        var item = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("catalog_item", command.ItemId);
        if (RepriceCatalogItemDecider.Decide(command, item, clock.GetCurrentInstant()) is not { } repriced) return item;
        stream.AppendOne(repriced);
        return item.Apply(repriced);
    }
}
