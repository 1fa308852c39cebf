using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Catalog;
using Wolverine.Http;

namespace QunTuan.Api.Catalog;

public sealed record DelistRequest(string Reason);

public static class DelistCatalogItemEndpoint
{
    /// <summary>Takes the item off the catalog for new requests; open requests are still decided.</summary>
    [WolverinePost("/api/catalog-items/{itemId}/delist")]
    public static async Task<ItemPriced> Post(string itemId, DelistRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var item = await DelistCatalogItemHandler.Handle(
            new DelistCatalogItem(Ids.FromRoute(itemId, "catalog_item"), request.Reason, Actor.Of(context)), session,
            clock, ct);
        return new ItemPriced(item.Id, item.Code, item.Price, item.Delisted);
    }
}
