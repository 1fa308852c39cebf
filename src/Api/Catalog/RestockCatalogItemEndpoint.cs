using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Catalog;
using Wolverine.Http;

namespace QunTuan.Api.Catalog;

/// <param name="SlotId">Services only: the slot that gets <paramref name="Quantity"/> more places.</param>
public sealed record RestockRequest(int Quantity, Guid? SlotId = null, string? Note = null);

public static class RestockCatalogItemEndpoint
{
    [WolverinePost("/api/catalog-items/{itemId}/restock")]
    public static async Task<CatalogItemRestocked> Post(string itemId, RestockRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct) =>
        await RestockCatalogItemHandler.Handle(
            new RestockCatalogItem(Ids.FromRoute(itemId, "catalog_item"), request.SlotId, request.Quantity, request.Note,
                Actor.Of(context)), session, clock, ct);
}
