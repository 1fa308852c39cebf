using System.Net;
using System.Text.Json;
using Marten;
using NodaTime;
using QunTuan.Api.Catalog;
using QunTuan.Api.Redemptions;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Catalog;
using QunTuan.Projections.Redemptions;

namespace QunTuan.Api.Tests.Redemptions;

/// <summary>Arrange steps for redemption: items, points, requests, decisions, all through the API.</summary>
public abstract class RedemptionScenarios(AppFixture fixture) : Scenarios(fixture)
{
    /// <summary>Seeded Lanhua goods: G07 small gift, 10 points, 50 in stock, 3 a month each.</summary>
    protected static readonly Guid SmallGift = CatalogIds.Item(Seeded.Lanhua, "G07");

    /// <summary>Seeded Lanhua service: S01 free haircut, 20 points, Tuesdays 09:00-11:00, 6 places, once a month.</summary>
    protected static readonly Guid Haircut = CatalogIds.Item(Seeded.Lanhua, "S01");

    /// <summary>A seeded Lanhua catalog item by its code.</summary>
    protected static Guid SeededItem(string code) => CatalogIds.Item(Seeded.Lanhua, code);

    /// <summary>Lists a goods item in Lanhua as the office and returns its id.</summary>
    protected async Task<Guid> ListGoods(string code, int price, int stock, int? monthlyLimit = null)
    {
        var response = await Post("/api/communities/lanhua/catalog",
            new ListCatalogItemRequest(code, $"测试物品{code}", $"Test item {code}", ItemClass.Goods, price, stock,
                MonthlyLimit: monthlyLimit));
        response.ShouldBe(HttpStatusCode.Created);
        return (await Read<CatalogItemListed>(response)).ItemId;
    }

    /// <summary>Gives a volunteer points by an office goodwill adjustment (earned, like a credit).</summary>
    protected async Task Give(Guid volunteerId, int points)
    {
        var response = await Post($"/api/volunteers/{volunteerId}/adjustments",
            new AdjustPointsRequest(points, CorrectionReason.Goodwill, "测试积分 / test points"));
        response.ShouldBe(HttpStatusCode.Created);
    }

    protected Task<HttpResponseMessage> Request(Guid volunteerId, Guid itemId, Guid? slotId = null,
        Guid? beneficiaryId = null, Guid? redemptionId = null) =>
        Post("/api/redemptions", new RequestRedemptionRequest(volunteerId, itemId, slotId, beneficiaryId, redemptionId),
            user: TestUsers.Volunteer(volunteerId));

    protected async Task<RedemptionResponse> Requested(Guid volunteerId, Guid itemId, Guid? slotId = null,
        Guid? beneficiaryId = null)
    {
        var response = await Request(volunteerId, itemId, slotId, beneficiaryId);
        response.ShouldBe(HttpStatusCode.Created);
        return await Read<RedemptionResponse>(response);
    }

    protected async Task<RedemptionResponse> Approved(Guid redemptionId)
    {
        var response = await Post($"/api/redemptions/{redemptionId}/approve");
        response.ShouldBe(HttpStatusCode.OK);
        return await Read<RedemptionResponse>(response);
    }

    protected Task<HttpResponseMessage> Reject(Guid redemptionId, string reason = "库存核对有误 / stock count was wrong") =>
        Post($"/api/redemptions/{redemptionId}/reject", new RejectRedemptionRequest(reason));

    protected Task<HttpResponseMessage> Cancel(Guid redemptionId, Guid volunteerId) =>
        Post($"/api/redemptions/{redemptionId}/cancel", new CancelRedemptionRequest(), user: TestUsers.Volunteer(volunteerId));

    protected Task<HttpResponseMessage> Fulfil(Guid redemptionId, string code) =>
        Post($"/api/redemptions/{redemptionId}/fulfil", new FulfilRedemptionRequest(code));

    /// <summary>Sets Lanhua's points policy as the office.</summary>
    protected async Task SetPolicy(Duration decisionWindow, Duration? collectionWindow = null, int? expireAfterYears = null)
    {
        var response = await Send(HttpMethod.Put, "/api/communities/lanhua/points-policy", JsonSerializer.Serialize(
            new QunTuan.Api.Communities.SetPointsPolicyRequest(decisionWindow,
                collectionWindow ?? Duration.FromDays(30), expireAfterYears), Json));
        response.ShouldBe(HttpStatusCode.OK);
    }

    protected async Task<RedemptionView> View(Guid redemptionId)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<RedemptionView>(redemptionId))!;
    }

    protected async Task<CatalogItemView> Item(Guid itemId)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<CatalogItemView>(itemId))!;
    }
}
