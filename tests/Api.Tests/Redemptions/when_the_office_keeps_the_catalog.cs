using System.Net;
using NodaTime;
using QunTuan.Api.Catalog;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Catalog;

namespace QunTuan.Api.Tests.Redemptions;

/// <summary>What the office does to the shelf shows in what volunteers see: a new price, more stock, an item
/// gone, an item outside its active window.</summary>
public sealed class when_the_office_keeps_the_catalog(AppFixture fixture) : RedemptionScenarios(fixture)
{
    private async Task<CatalogEntry?> AsZhangSeesIt(string code)
    {
        using var zhang = App.ClientFor(TestUsers.Volunteer(Seeded.ZhangXiaomei));
        var catalog = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<CommunityCatalog>(zhang,
            "/api/communities/lanhua/catalog", Json);
        return catalog!.Items.SingleOrDefault(i => i.Code == code);
    }

    [Fact]
    public async Task a_new_price_more_stock_and_a_delisting_show_in_the_volunteers_catalog()
    {
        var item = await ListGoods("T-SOAP", price: 20, stock: 2, monthlyLimit: 5);
        await Give(Seeded.ZhangXiaomei, 100);
        await Requested(Seeded.ZhangXiaomei, item);
        (await AsZhangSeesIt("T-SOAP"))!.Remaining.ShouldBe(1);

        (await Post($"/api/catalog-items/{item}/reprice", new RepriceRequest(25))).ShouldBe(HttpStatusCode.OK);
        (await Post($"/api/catalog-items/{item}/restock", new RestockRequest(4, Note: "爱心商家捐赠"))).ShouldBe(HttpStatusCode.OK);
        var seen = (await AsZhangSeesIt("T-SOAP"))!;
        (seen.Price, seen.Remaining, seen.TakenThisMonth, seen.LimitAllows, seen.Affordable).ShouldBe((25, 5, 1, true, true));

        (await Post($"/api/catalog-items/{item}/delist", new DelistRequest("停止供应 / no longer supplied")))
            .ShouldBe(HttpStatusCode.OK);
        (await AsZhangSeesIt("T-SOAP")).ShouldBeNull();
        var all = await Get<CommunityCatalog>("/api/communities/lanhua/catalog?includeInactive=true");
        all.Items.Single(i => i.Code == "T-SOAP").Delisted.ShouldBeTrue();
        await (await Request(Seeded.ZhangXiaomei, item)).ShouldBeProblem(409, "item_delisted");
    }

    [Fact]
    public async Task items_outside_their_active_window_are_not_offered()
    {
        var today = Today;
        var later = await Post("/api/communities/lanhua/catalog", new ListCatalogItemRequest("T-MOON", "月饼", "Mooncake",
            ItemClass.Goods, 15, 10, ActiveFrom: today.PlusDays(3)));
        later.ShouldBe(HttpStatusCode.Created);
        (await AsZhangSeesIt("T-MOON")).ShouldBeNull();

        App.Clock.AdvanceDays(3);
        (await AsZhangSeesIt("T-MOON")).ShouldNotBeNull().Price.ShouldBe(15);
    }
}
