using NodaTime;
using QunTuan.Api.Participation;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Tests.Redemptions;

namespace QunTuan.Api.Tests.Participation;

/// <summary>Participation reports show the points spent on redemptions approved in the period, next to those issued.</summary>
public sealed class when_points_are_redeemed(AppFixture fixture) : RedemptionScenarios(fixture)
{
    private Task<ParticipationReport> Report(string period) =>
        Get<ParticipationReport>($"/api/communities/lanhua/participation?period={period}&fresh=true");

    [Fact]
    public async Task only_approved_redemptions_count_in_the_month_they_were_approved()
    {
        await Give(Seeded.ZhangXiaomei, 100);
        await SetPolicy(decisionWindow: Duration.FromDays(14));
        var gift = await ListGoods("T1", price: 10, stock: 20);
        var collected = await Requested(Seeded.ZhangXiaomei, gift);
        var code = (await Approved(collected.RedemptionId)).PickupCode!;
        (await Fulfil(collected.RedemptionId, code)).ShouldBe(System.Net.HttpStatusCode.OK);
        await Approved((await Requested(Seeded.ZhangXiaomei, gift)).RedemptionId);
        (await Reject((await Requested(Seeded.ZhangXiaomei, gift)).RedemptionId))
            .ShouldBe(System.Net.HttpStatusCode.OK);
        var cancelled = await Requested(Seeded.ZhangXiaomei, gift);
        (await Cancel(cancelled.RedemptionId, Seeded.ZhangXiaomei)).ShouldBe(System.Net.HttpStatusCode.OK);
        var pending = await Requested(Seeded.ZhangXiaomei, gift);

        (await Report("2026-11")).PointsRedeemed.ShouldBe(20); // two gifts; rejected, cancelled, pending do not

        App.Clock.Advance(Duration.FromDays(8)); // 1 December, 10:00 in Asia/Shanghai
        await Approved(pending.RedemptionId);

        (await Report("2026-11")).PointsRedeemed.ShouldBe(20);
        (await Report("2026-12")).PointsRedeemed.ShouldBe(10);
        (await Report("2026")).PointsRedeemed.ShouldBe(30);
        (await Report("2025")).PointsRedeemed.ShouldBe(0);
    }
}
