using System.Net;
using QunTuan.Api.Redemptions;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Redemptions;

namespace QunTuan.Api.Tests.Redemptions;

public sealed class when_the_office_decides(AppFixture fixture) : RedemptionScenarios(fixture)
{
    [Fact]
    public async Task a_rejection_gives_everything_back_and_the_volunteer_reads_why()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);

        var rejected = await Reject(requested.RedemptionId, "本周已发完，请下周再来 / none left this week");

        rejected.ShouldBe(HttpStatusCode.OK);
        (await Read<RedemptionResponse>(rejected)).Status.ShouldBe(RedemptionStatus.Rejected);
        var view = await GetAs<RedemptionEntry>(TestUsers.Volunteer(Seeded.ZhangXiaomei),
            $"/api/redemptions/{requested.RedemptionId}");
        (view.Redemption.Reason, view.Redemption.DecidedBy).ShouldBe(("本周已发完，请下周再来 / none left this week", "clerk-li"));
        var balance = await Balance(Seeded.ZhangXiaomei);
        (balance.Available, balance.Held).ShouldBe((30, 0));
        (await Item(SmallGift)).Remaining.ShouldBe(50);
    }

    [Fact]
    public async Task a_repeated_decision_returns_the_state_writes_nothing_and_shows_no_second_code()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
        var first = await Approved(requested.RedemptionId);
        var events = await EventCount();

        var again = await Approved(requested.RedemptionId);

        (again.Status, again.Changed, again.PickupCode).ShouldBe((RedemptionStatus.Approved, false, (string?)null));
        first.Changed.ShouldBeTrue();
        (await EventCount()).ShouldBe(events);
        (await Balance(Seeded.ZhangXiaomei)).LifetimeRedeemed.ShouldBe(10);
    }

    [Fact]
    public async Task a_conflicting_decision_is_refused_and_writes_nothing()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
        await Approved(requested.RedemptionId);
        var events = await EventCount();

        await (await Reject(requested.RedemptionId)).ShouldBeProblem(409, "redemption_already_approved");
        await (await Cancel(requested.RedemptionId, Seeded.ZhangXiaomei))
            .ShouldBeProblem(409, "redemption_already_approved");
        (await EventCount()).ShouldBe(events);
    }

    [Fact]
    public async Task the_volunteer_withdraws_before_the_office_decides_and_nobody_else_can()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);

        await (await Cancel(requested.RedemptionId, Seeded.LiJianguo)).ShouldBeProblem(404, "redemption_not_found");
        (await Post($"/api/redemptions/{requested.RedemptionId}/cancel", new CancelRedemptionRequest()))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var cancelled = await Cancel(requested.RedemptionId, Seeded.ZhangXiaomei);

        cancelled.ShouldBe(HttpStatusCode.OK);
        (await View(requested.RedemptionId)).Status.ShouldBe(RedemptionStatus.Cancelled);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(30);
        await (await Post($"/api/redemptions/{requested.RedemptionId}/approve"))
            .ShouldBeProblem(409, "redemption_cancelled");
    }

    [Fact]
    public async Task the_item_is_handed_over_only_against_the_right_code()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
        var approved = await Approved(requested.RedemptionId);
        var wrong = approved.PickupCode == "00000000" ? "00000001" : "00000000";

        await (await Fulfil(requested.RedemptionId, wrong)).ShouldBeProblem(422, "wrong_pickup_code", "code");
        var fulfilled = await Fulfil(requested.RedemptionId, approved.PickupCode!);

        fulfilled.ShouldBe(HttpStatusCode.OK);
        (await Read<RedemptionResponse>(fulfilled)).Status.ShouldBe(RedemptionStatus.Fulfilled);
        var view = await View(requested.RedemptionId);
        (view.FulfilledBy, view.Status).ShouldBe(("clerk-li", RedemptionStatus.Fulfilled));
    }

    [Fact]
    public async Task office_staff_of_another_community_cannot_see_or_decide_lanhuas_requests()
    {
        await ForeignCommunityWithVolunteer();
        await Give(Seeded.ZhangXiaomei, 30);
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
        var meihuaClerk = TestUsers.Office("clerk-mei", Meihua);

        await (await Post($"/api/redemptions/{requested.RedemptionId}/approve", user: meihuaClerk))
            .ShouldBeProblem(404, "redemption_not_found");
        (await View(requested.RedemptionId)).Status.ShouldBe(RedemptionStatus.Requested);
    }
}
