using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Catalog;

public sealed record DelistCatalogItem(Guid ItemId, string Reason, string Actor);

public static class DelistCatalogItemDecider
{
    /// <summary>The delisting, or nothing when the item is already off the catalog.</summary>
    public static CatalogItemDelisted? Decide(DelistCatalogItem command, CatalogItem item, Instant now)
    {
        var reason = PersonalDataGuard.Text(command.Reason, "reason", 200, required: true)!;
        return item.Delisted ? null : new CatalogItemDelisted(item.Id, reason, now, command.Actor);
    }
}

public static class DelistCatalogItemHandler
{
    public static async Task<CatalogItem> Handle(DelistCatalogItem command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<CatalogItem>(command.ItemId, ct);
        var item = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("catalog_item", command.ItemId);
        if (DelistCatalogItemDecider.Decide(command, item, clock.GetCurrentInstant()) is not { } delisted) return item;
        stream.AppendOne(delisted);
        return item.Apply(delisted);
    }
}
