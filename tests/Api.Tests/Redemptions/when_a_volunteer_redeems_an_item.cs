using System.Net;
using QunTuan.Api.Catalog;
using QunTuan.Api.Redemptions;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Redemptions;

namespace QunTuan.Api.Tests.Redemptions;

public sealed class when_a_volunteer_redeems_an_item(AppFixture fixture) : RedemptionScenarios(fixture)
{
    [Fact]
    public async Task points_are_held_then_spent_and_the_item_is_handed_over_against_the_code()
    {
        await Give(Seeded.ZhangXiaomei, 25);

        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
        requested.Status.ShouldBe(RedemptionStatus.Requested);
        var held = await Balance(Seeded.ZhangXiaomei);
        (held.Available, held.Held).ShouldBe((15, 10));
        (await Item(SmallGift)).Remaining.ShouldBe(49);

        var approved = await Approved(requested.RedemptionId);
        approved.PickupCode.ShouldNotBeNull().Length.ShouldBe(8);
        var spent = await Balance(Seeded.ZhangXiaomei);
        (spent.Available, spent.Held, spent.LifetimeRedeemed).ShouldBe((15, 0, 10));

        (await Fulfil(requested.RedemptionId, approved.PickupCode!)).ShouldBe(HttpStatusCode.OK);
        (await View(requested.RedemptionId)).Status.ShouldBe(RedemptionStatus.Fulfilled);
        var item = await Item(SmallGift);
        (item.Remaining, item.Reserved, item.Consumed).ShouldBe((49, 0, 1));
    }

    [Fact]
    public async Task the_catalog_shows_the_volunteer_price_what_is_left_and_whether_the_limit_allows()
    {
        await Give(Seeded.ZhangXiaomei, 25);
        var volunteer = TestUsers.Volunteer(Seeded.ZhangXiaomei);
        var before = await GetAs<CommunityCatalog>(volunteer, "/api/communities/lanhua/catalog");
        var haircut = before.Items.Single(i => i.Code == "S01");
        (haircut.Price, haircut.Remaining, haircut.MonthlyLimit, haircut.LimitAllows, haircut.Affordable)
            .ShouldBe((20, 24, 1, true, true));
        before.Available.ShouldBe(25);

        var tuesday = haircut.Slots[0];
        var requested = await Requested(Seeded.ZhangXiaomei, Haircut, tuesday.SlotId);
        requested.SlotId.ShouldBe(tuesday.SlotId);

        var after = await GetAs<CommunityCatalog>(volunteer, "/api/communities/lanhua/catalog");
        var now = after.Items.Single(i => i.Code == "S01");
        (now.Remaining, now.Slots[0].Remaining, now.TakenThisMonth, now.LimitAllows, now.Affordable)
            .ShouldBe((23, 5, 1, false, false));
        after.Available.ShouldBe(5);
        await (await Request(Seeded.ZhangXiaomei, Haircut, now.Slots[1].SlotId))
            .ShouldBeProblem(409, "monthly_limit_reached", "itemId");

        // Staff read it for a volunteer they name; without one, no volunteer's limits are shown.
        var forStaff = await Get<CommunityCatalog>($"/api/communities/lanhua/catalog?volunteerId={Seeded.ZhangXiaomei}");
        forStaff.Items.Single(i => i.Code == "S01").LimitAllows.ShouldBe(false);
        (await Get<CommunityCatalog>("/api/communities/lanhua/catalog")).Items.ShouldAllBe(i => i.LimitAllows == null);
    }

    [Fact]
    public async Task a_volunteer_cannot_read_the_catalog_as_someone_else()
    {
        using var client = App.ClientFor(TestUsers.Volunteer(Seeded.ZhangXiaomei));

        var response = await client.GetAsync($"/api/communities/lanhua/catalog?volunteerId={Seeded.LiJianguo}");

        await response.ShouldBeProblem(404, "volunteer_not_found", "volunteerId");
    }

    [Fact]
    public async Task the_same_request_sent_twice_has_one_effect_and_the_same_id_for_something_else_is_refused()
    {
        await Give(Seeded.ZhangXiaomei, 50);
        var id = Guid.CreateVersion7();

        (await Request(Seeded.ZhangXiaomei, SmallGift, redemptionId: id)).ShouldBe(HttpStatusCode.Created);
        var events = await EventCount();
        var again = await Request(Seeded.ZhangXiaomei, SmallGift, redemptionId: id);

        again.ShouldBe(HttpStatusCode.OK);
        var body = await Read<RedemptionResponse>(again);
        (body.RedemptionId, body.Status, body.Changed).ShouldBe((id, RedemptionStatus.Requested, false));
        (await EventCount()).ShouldBe(events);
        await (await Request(Seeded.ZhangXiaomei, SeededItem("G06"), redemptionId: id))
            .ShouldBeProblem(409, "redemption_exists", "redemptionId");
        (await Balance(Seeded.ZhangXiaomei)).Held.ShouldBe(10);
    }

    [Fact]
    public async Task the_office_queue_is_oldest_first_with_each_payers_available_balance()
    {
        await Give(Seeded.ZhangXiaomei, 100);
        await Give(Seeded.LiJianguo, 15);
        var first = await Requested(Seeded.ZhangXiaomei, SmallGift);
        App.Clock.Advance(NodaTime.Duration.FromMinutes(5));
        var second = await Requested(Seeded.LiJianguo, SmallGift);
        App.Clock.Advance(NodaTime.Duration.FromMinutes(5));
        var third = await Requested(Seeded.ZhangXiaomei, SeededItem("G06"));
        await Approved(third.RedemptionId);

        var queue = await Get<QunTuan.Api.Infrastructure.ResultPage<RedemptionEntry>>(
            "/api/communities/lanhua/redemptions?status=requested");

        queue.Items.Select(e => e.Redemption.Id).ShouldBe([first.RedemptionId, second.RedemptionId]);
        queue.Items.Select(e => e.PayerAvailable).ShouldBe([70, 5]); // 100 − 10 (G07) − 20 (G06); 15 − 10
        queue.Items.Select(e => e.VolunteerName).ShouldBe(["张晓梅", "李建国"]);
        queue.Items[0].ItemNameZh.ShouldBe("小礼物");
        (await Get<QunTuan.Api.Infrastructure.ResultPage<RedemptionEntry>>(
            "/api/communities/lanhua/redemptions?status=approved")).Items.ShouldHaveSingleItem().Redemption.Id
            .ShouldBe(third.RedemptionId);

        var mine = await GetAs<QunTuan.Api.Infrastructure.ResultPage<RedemptionEntry>>(
            TestUsers.Volunteer(Seeded.ZhangXiaomei), $"/api/volunteers/{Seeded.ZhangXiaomei}/redemptions");
        mine.Items.Select(e => e.Redemption.Id).ShouldBe([third.RedemptionId, first.RedemptionId]);
    }
}
