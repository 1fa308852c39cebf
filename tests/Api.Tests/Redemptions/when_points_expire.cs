using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NodaTime;
using QunTuan.Api.Chest;
using QunTuan.Api.Communities;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Statements;
using Wolverine;

namespace QunTuan.Api.Tests.Redemptions;

/// <summary>Expiry is off by default; with a policy, expired points move to the chest, oldest first, visibly.</summary>
public sealed class when_points_expire(AppFixture fixture) : RedemptionScenarios(fixture)
{
    /// <summary>00:00:30 on 1 January 2027 in Shanghai.</summary>
    private static readonly Instant NewYear = Instant.FromUtc(2026, 12, 31, 16, 0, 30);

    [Fact]
    public async Task nothing_expires_by_default()
    {
        await Give(Seeded.ZhangXiaomei, 40);
        App.Clock.Reset(NewYear.Plus(Duration.FromDays(5 * 365)));

        var swept = await Sweep();

        (swept.ThroughYear, swept.Accounts, swept.Points).ShouldBe(((int?)null, 0, 0));
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(40);
    }

    [Fact]
    public async Task expired_points_move_to_the_chest_but_points_held_for_a_request_wait_until_released()
    {
        await SetPolicy(Duration.FromDays(7), expireAfterYears: 0); // this year's points expire at the year's end
        await Give(Seeded.ZhangXiaomei, 40);
        var requested = await Requested(Seeded.ZhangXiaomei, SmallGift);
        App.Clock.Reset(NewYear);

        var swept = await Sweep();

        (swept.ThroughYear, swept.Accounts, swept.Points).ShouldBe(((int?)2026, 1, 30));
        var balance = await Balance(Seeded.ZhangXiaomei);
        (balance.Available, balance.Held, balance.LifetimeExpired).ShouldBe((0, 10, 30));
        (await Get<ChestStatement>("/api/communities/lanhua/chest")).Chest.ExpiredReceived.ShouldBe(30);
        (await Sweep()).Accounts.ShouldBe(0);

        // The request lapses; its 10 points come back to their 2026 lot and expire at the next sweep.
        await App.Services.GetRequiredService<IMessageBus>().InvokeAsync(new ExpireRedemption(requested.RedemptionId));
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(10);
        (await Sweep()).Points.ShouldBe(10);
        (await Get<ChestStatement>("/api/communities/lanhua/chest")).Chest.Available.ShouldBe(40);

        var lines = (await Get<Statement>($"/api/volunteers/{Seeded.ZhangXiaomei}/statement")).Movements.Items;
        var expiries = lines.Where(l => l.Kind == MovementKind.Expiry).ToList();
        expiries.Select(l => (l.Points, l.BalanceAfter, l.Reason)).ShouldBe(
            [(-10, 0, "ExpiredToChest"), (-30, 0, "ExpiredToChest")]);
        expiries.ShouldAllBe(l => l.Note!.Contains("2026") && l.Actor == "clerk-li");
    }

    [Fact]
    public async Task points_earned_this_year_survive_when_last_years_expire()
    {
        await SetPolicy(Duration.FromDays(7), expireAfterYears: 0);
        await Give(Seeded.ZhangXiaomei, 40);
        App.Clock.Reset(NewYear);
        await Give(Seeded.ZhangXiaomei, 15);
        await Donate(Seeded.ZhangXiaomei, 25); // spent from the oldest (2026) points first

        var swept = await Sweep();

        swept.Points.ShouldBe(15);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(15);
    }

    [Fact]
    public async Task a_policy_with_expiry_schedules_the_yearly_sweep_and_a_changed_policy_stops_the_old_one()
    {
        var before = await ScheduledSweeps(); // earlier tests' sweeps stay scheduled: count what this one adds
        await SetPolicy(Duration.FromDays(7), expireAfterYears: 0);
        (await ScheduledSweeps()).ShouldBe(before + 1);
        await Give(Seeded.ZhangXiaomei, 40);
        App.Clock.Reset(NewYear);
        var bus = App.Services.GetRequiredService<IMessageBus>();

        var yearly = await bus.InvokeAsync<PointsExpiry>(new SweepExpiredPoints(Seeded.Lanhua, PolicyRevision: 1));
        yearly.Points.ShouldBe(40);
        (await ScheduledSweeps()).ShouldBe(before + 2); // and the one for the year after

        await Give(Seeded.ZhangXiaomei, 5);
        App.Clock.Reset(NewYear.Plus(Duration.FromDays(366)));
        await SetPolicy(Duration.FromDays(7), expireAfterYears: 1);
        var stale = await bus.InvokeAsync<PointsExpiry>(new SweepExpiredPoints(Seeded.Lanhua, PolicyRevision: 1));
        stale.Moves.ShouldBeEmpty();
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(5);
    }

    private async Task<PointsSwept> Sweep()
    {
        var response = await Post("/api/communities/lanhua/points-expiry");
        response.ShouldBe(HttpStatusCode.OK);
        return await Read<PointsSwept>(response);
    }

    private async Task Donate(Guid volunteer, int points) =>
        (await Post($"/api/volunteers/{volunteer}/donations", new DonatePointsRequest(points),
            user: TestUsers.Volunteer(volunteer))).ShouldBe(HttpStatusCode.Created);

    private async Task<long> ScheduledSweeps()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) from \"{App.Schema}\".wolverine_incoming_envelopes where status = 'Scheduled' and message_type like '%SweepExpiredPoints' and encode(body, 'escape') like '%{Seeded.Lanhua}%'",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
