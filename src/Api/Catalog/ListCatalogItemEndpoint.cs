using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Catalog;
using Wolverine.Http;

namespace QunTuan.Api.Catalog;

/// <param name="Stock">Goods only: units on the shelf.</param>
/// <param name="Slots">Services only: dated slots with places (more can be added later).</param>
/// <param name="MonthlyLimit">Units one volunteer may take per calendar month; absent for no limit.</param>
/// <param name="Supplier">The donor or supplier (爱心商家).</param>
public sealed record ListCatalogItemRequest(
    string Code,
    string NameZh,
    string NameEn,
    ItemClass Class,
    int Price,
    int? Stock = null,
    IReadOnlyList<SlotRequest>? Slots = null,
    int? MonthlyLimit = null,
    LocalDate? ActiveFrom = null,
    LocalDate? ActiveUntil = null,
    string? Supplier = null);

/// <param name="Start">Shanghai time, e.g. "09:00:00".</param>
public sealed record SlotRequest(LocalDate Date, LocalTime Start, LocalTime End, int Capacity)
{
    public SlotSpec ToSpec() => new(Date, Start, End, Capacity);
}

public static class ListCatalogItemEndpoint
{
    /// <summary>Office staff put an item in the community's catalog.</summary>
    [WolverinePost("/api/communities/{communityId}/catalog")]
    public static async Task<IResult> Post(string communityId, ListCatalogItemRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var listed = await ListCatalogItemHandler.Handle(
            new ListCatalogItem(CommunityRef.Resolve(communityId), request.Code, request.NameZh, request.NameEn,
                request.Class, request.Price, request.Stock, request.Slots?.Select(s => s.ToSpec()).ToList(),
                request.MonthlyLimit, request.ActiveFrom, request.ActiveUntil, request.Supplier, Actor.Of(context)),
            session, clock, ct);
        return Results.Created($"/api/catalog-items/{listed.ItemId}", listed);
    }
}
