using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QunTuan.Api.Chest;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Redemptions;
using QunTuan.Projections.Statements;
using Wolverine;

namespace QunTuan.Api.Tests.Redemptions;

public sealed class when_the_statement_is_read(AppFixture fixture) : RedemptionScenarios(fixture)
{
    [Fact]
    public async Task every_hold_capture_release_refund_donation_and_expiry_is_a_line_with_its_reason()
    {
        var bus = App.Services.GetRequiredService<IMessageBus>();
        await SetPolicy(Duration.FromDays(7), expireAfterYears: 0);
        await Give(Seeded.ZhangXiaomei, 100);

        var rejected = await Requested(Seeded.ZhangXiaomei, SmallGift);
        (await Reject(rejected.RedemptionId, "礼品已发完 / no gifts left")).ShouldBe(HttpStatusCode.OK);
        var cancelled = await Requested(Seeded.ZhangXiaomei, SeededItem("G06"));
        (await Cancel(cancelled.RedemptionId, Seeded.ZhangXiaomei)).ShouldBe(HttpStatusCode.OK);
        var uncollected = await Requested(Seeded.ZhangXiaomei, SmallGift);
        await Approved(uncollected.RedemptionId);
        App.Clock.Advance(Duration.FromDays(31));
        await bus.InvokeAsync(new CloseUncollectedRedemption(uncollected.RedemptionId));
        var lapsed = await Requested(Seeded.ZhangXiaomei, SmallGift);
        App.Clock.Advance(Duration.FromDays(8));
        await bus.InvokeAsync(new ExpireRedemption(lapsed.RedemptionId));
        (await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/donations", new DonatePointsRequest(30, "送给独居老人"),
            user: TestUsers.Volunteer(Seeded.ZhangXiaomei))).ShouldBe(HttpStatusCode.Created);
        App.Clock.Reset(Instant.FromUtc(2026, 12, 31, 16, 1));
        (await Post("/api/communities/lanhua/points-expiry")).ShouldBe(HttpStatusCode.OK);

        var statement = await GetAs<Statement>(TestUsers.Volunteer(Seeded.ZhangXiaomei),
            $"/api/volunteers/{Seeded.ZhangXiaomei}/statement");
        var lines = statement.Movements.Items.Reverse().ToList();

        lines.Select(l => (l.Kind, l.Points, l.HeldChange, l.BalanceAfter, l.HeldAfter, l.Reason, l.ItemCode)).ShouldBe([
            (MovementKind.Adjustment, 100, 0, 100, (int?)null, "Goodwill", (string?)null),
            (MovementKind.Hold, -10, 10, 90, 10, "RedemptionRequested", "G07"),
            (MovementKind.Release, 10, -10, 100, 0, "RedemptionRejected", "G07"),
            (MovementKind.Hold, -20, 20, 80, 20, "RedemptionRequested", "G06"),
            (MovementKind.Release, 20, -20, 100, 0, "RedemptionCancelled", "G06"),
            (MovementKind.Hold, -10, 10, 90, 10, "RedemptionRequested", "G07"),
            (MovementKind.Capture, 0, -10, 90, 0, "RedemptionApproved", "G07"),
            (MovementKind.Refund, 10, 0, 100, null, "NotCollected", "G07"),
            (MovementKind.Hold, -10, 10, 90, 10, "RedemptionRequested", "G07"),
            (MovementKind.Release, 10, -10, 100, 0, "RedemptionExpired", "G07"),
            (MovementKind.Donation, -30, 0, 70, null, "DonatedToChest", null),
            (MovementKind.Expiry, -70, 0, 0, null, "ExpiredToChest", null)
        ]);
        lines[2].Note.ShouldBe("礼品已发完 / no gifts left");
        lines[2].Actor.ShouldBe("clerk-li");
        lines[9].Actor.ShouldBe(RedemptionDeadlines.SystemActor);
        lines[10].Note.ShouldBe("送给独居老人");
        lines[11].Note.ShouldNotBeNull().ShouldContain("2026");
        lines[1].ItemNameZh.ShouldBe("小礼物");
        lines[1].RedemptionId.ShouldBe(rejected.RedemptionId);
        lines.Select(l => l.Version).ShouldBe(Enumerable.Range(2, lines.Count).Select(v => (long)v));
        // Every line's balance is the one before plus its points: the statement reads like a bank book.
        lines.Zip(lines.Skip(1)).ShouldAllBe(p => p.First.BalanceAfter + p.Second.Points == p.Second.BalanceAfter);
        var balance = statement.Balance;
        (balance.Available, balance.Held, balance.LifetimeEarned, balance.LifetimeRedeemed, balance.LifetimeDonated,
            balance.LifetimeExpired).ShouldBe((0, 0, 100, 0, 30, 70));
    }
}
