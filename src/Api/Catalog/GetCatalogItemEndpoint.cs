using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Catalog;
using Wolverine.Http;

namespace QunTuan.Api.Catalog;

public static class GetCatalogItemEndpoint
{
    /// <summary>One item with its stock or slots, reserved and consumed counts, active or not.</summary>
    [WolverineGet("/api/catalog-items/{itemId}")]
    public static async Task<CatalogItemView> Get(string itemId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CatalogItemView>(Ids.FromRoute(itemId, "catalog_item"), ct)
        ?? throw LedgerRuleViolation.NotFound("catalog_item", itemId);
}
