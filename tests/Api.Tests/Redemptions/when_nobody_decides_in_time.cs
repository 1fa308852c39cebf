using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using QunTuan.Api.Redemptions;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Redemptions;
using Wolverine;
using Wolverine.Tracking;

namespace QunTuan.Api.Tests.Redemptions;

/// <summary>
/// Deadlines are durable scheduled messages. Lanhua's windows are set to seconds, the fake clock is moved past
/// them, and the test waits (tracked by Wolverine, at most 30 seconds) for the scheduled message to run.
/// </summary>
public sealed class when_nobody_decides_in_time(AppFixture fixture) : RedemptionScenarios(fixture)
{
    [Fact]
    public async Task the_scheduled_expiry_releases_the_points_and_the_unit()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        await SetPolicy(Duration.FromSeconds(2));
        RedemptionResponse? requested = null;

        await WaitFor<ExpireRedemption>(async () =>
        {
            requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
            App.Clock.Advance(Duration.FromSeconds(3));
            return requested.RedemptionId;
        });

        var view = await View(requested!.RedemptionId);
        (view.Status, view.DecidedBy).ShouldBe((RedemptionStatus.Expired, RedemptionDeadlines.SystemActor));
        var balance = await Balance(Seeded.ZhangXiaomei);
        (balance.Available, balance.Held).ShouldBe((30, 0));
        (await Item(SmallGift)).Remaining.ShouldBe(50);
    }

    [Fact]
    public async Task a_reminder_that_comes_early_waits_for_the_deadline()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        await SetPolicy(Duration.FromSeconds(1));
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);

        // The clock has not moved: the reminder fires, finds the window still open, and schedules itself again.
        await WaitFor<ExpireRedemption>(() => Task.FromResult(requested.RedemptionId));
        (await View(requested.RedemptionId)).Status.ShouldBe(RedemptionStatus.Requested);

        App.Clock.Advance(Duration.FromSeconds(2));
        await WaitFor<ExpireRedemption>(() => Task.FromResult(requested.RedemptionId));
        (await View(requested.RedemptionId)).Status.ShouldBe(RedemptionStatus.Expired);
    }

    [Fact]
    public async Task an_approved_item_not_collected_in_time_is_refunded_and_back_on_the_shelf()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        await SetPolicy(Duration.FromDays(7), collectionWindow: Duration.FromSeconds(2));
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
        RedemptionResponse? approved = null;

        await WaitFor<CloseUncollectedRedemption>(async () =>
        {
            approved = await Approved(requested.RedemptionId);
            App.Clock.Advance(Duration.FromSeconds(3));
            return requested.RedemptionId;
        });

        (await View(requested.RedemptionId)).Status.ShouldBe(RedemptionStatus.Refunded);
        var balance = await Balance(Seeded.ZhangXiaomei);
        (balance.Available, balance.Held, balance.LifetimeRedeemed).ShouldBe((30, 0, 0));
        var item = await Item(SmallGift);
        (item.Remaining, item.Consumed).ShouldBe((50, 0));
        await (await Fulfil(requested.RedemptionId, approved!.PickupCode!)).ShouldBeProblem(409, "redemption_refunded");
    }

    [Fact]
    public async Task a_reminder_for_a_request_decided_meanwhile_does_nothing()
    {
        await Give(Seeded.ZhangXiaomei, 30);
        await SetPolicy(Duration.FromSeconds(2));
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
        await Approved(requested.RedemptionId);
        var events = await EventCount();

        App.Clock.Advance(Duration.FromSeconds(3));
        await WaitFor<ExpireRedemption>(() => Task.FromResult(requested.RedemptionId));

        (await View(requested.RedemptionId)).Status.ShouldBe(RedemptionStatus.Approved);
        (await EventCount()).ShouldBe(events);
    }

    /// <summary>Runs <paramref name="act"/> and waits until Wolverine has run a <typeparamref name="T"/> reminder for
    /// the redemption <paramref name="act"/> names (reminders left over from earlier tests are let pass).</summary>
    private async Task WaitFor<T>(Func<Task<Guid>> act) where T : class
    {
        var host = App.Services.GetRequiredService<IHost>();
        Guid? mine = null;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var tracked = await host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).WaitForExecutionOf<T>(1)
                .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ => mine ??= await act()));
            if (tracked.Executed.MessagesOf<T>().Any(m => RedemptionOf(m) == mine)) return;
        }
        throw new TimeoutException($"no {typeof(T).Name} ran for redemption {mine}");
    }

    private static Guid RedemptionOf(object reminder) => reminder switch
    {
        ExpireRedemption e => e.RedemptionId,
        CloseUncollectedRedemption c => c.RedemptionId,
        _ => Guid.Empty
    };
}
