using System.Net;
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
}
