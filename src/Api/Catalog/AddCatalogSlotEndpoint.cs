using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Catalog;
using Wolverine.Http;

namespace QunTuan.Api.Catalog;

public static class AddCatalogSlotEndpoint
{
    /// <summary>A new dated slot for a service (a haircut morning, a counselling afternoon).</summary>
    [WolverinePost("/api/catalog-items/{itemId}/slots")]
    public static async Task<IResult> Post(string itemId, SlotRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var added = await AddCatalogSlotHandler.Handle(
            new AddCatalogSlot(Ids.FromRoute(itemId, "catalog_item"), request.ToSpec(), Actor.Of(context)), session,
            clock, ct);
        return Results.Created($"/api/catalog-items/{added.ItemId}", added);
    }
}
