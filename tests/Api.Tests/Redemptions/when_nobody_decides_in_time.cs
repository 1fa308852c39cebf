using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Redemptions;
using Wolverine.Tracking;

namespace QunTuan.Api.Tests.Redemptions;

public sealed class when_nobody_decides_in_time(AppFixture fixture) : RedemptionScenarios(fixture)
{
    [Fact]
    public async Task the_scheduled_expiry_releases_the_points_and_the_unit()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        await SetPolicy(Duration.FromSeconds(2));
        QunTuan.Api.Redemptions.RedemptionResponse? requested = null;

        var host = App.Services.GetRequiredService<IHost>();
        await host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).WaitForExecutionOf<ExpireRedemption>(1)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
                App.Clock.Advance(Duration.FromSeconds(3));
            }));

        (await View(requested!.RedemptionId)).Status.ShouldBe(RedemptionStatus.Expired);
        var balance = await Balance(Seeded.ZhangXiaomei);
        (balance.Available, balance.Held).ShouldBe((30, 0));
        (await Item(SmallGift)).Remaining.ShouldBe(50);
    }
}
