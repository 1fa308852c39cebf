using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Catalog;
using Wolverine.Http;

namespace QunTuan.Api.Catalog;

public sealed record RepriceRequest(int Price);

public sealed record ItemPriced(Guid ItemId, string Code, int Price, bool Delisted);

public static class RepriceCatalogItemEndpoint
{
    /// <summary>A new price for requests from now on; asking for the current price changes nothing.</summary>
    [WolverinePost("/api/catalog-items/{itemId}/reprice")]
    public static async Task<ItemPriced> Post(string itemId, RepriceRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var item = await RepriceCatalogItemHandler.Handle(
            new RepriceCatalogItem(Ids.FromRoute(itemId, "catalog_item"), request.Price, Actor.Of(context)), session,
            clock, ct);
        return new ItemPriced(item.Id, item.Code, item.Price, item.Delisted);
    }
}
