using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Tests.Redemptions;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Redemptions;
using QunTuan.Projections.Statements;
using Wolverine;

namespace QunTuan.Api.Tests.Concurrency;

/// <summary>
/// Redemption under contention on the real PostgreSQL: every request that decides on shared state locks its rows
/// (redemption, item, account) in one order, so racing requests queue and each decides on what the one before
/// committed. Each case runs 20 times: none may turn contention into a 5xx or a lost write.
/// </summary>
public sealed class when_redemptions_race(AppFixture fixture) : RedemptionScenarios(fixture)
{
    private const int Rounds = 20;
    private const int Crowd = 50;

    [Fact]
    public async Task fifty_requests_from_one_volunteer_hold_exactly_what_their_points_cover()
    {
        var item = await ListGoods("RACE-A", price: 20, stock: Rounds * Crowd);
        for (var round = 1; round <= Rounds; round++)
        {
            var volunteer = Seeded.Volunteer(round);
            await Give(volunteer, 100); // exactly five requests' worth

            var attempts = await Task.WhenAll(Enumerable.Range(0, Crowd).Select(_ => Request(volunteer, item)));

            NoServerErrors(attempts, round);
            attempts.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(5, $"round {round}");
            foreach (var refused in attempts.Where(r => r.StatusCode != HttpStatusCode.Created))
                await refused.ShouldBeProblem(409, "insufficient_balance");
            var balance = await Balance(volunteer);
            (balance.Available, balance.Held).ShouldBe((0, 100), $"round {round}");
            await StatementNeverBelowZero(volunteer);
        }
        var stock = await Item(item);
        (stock.Reserved, stock.Remaining).ShouldBe((Rounds * 5, Rounds * Crowd - Rounds * 5));
    }

    [Fact]
    public async Task fifty_volunteers_racing_for_the_last_three_units_reserve_exactly_three()
    {
        var volunteers = await FiftyVolunteersWithPoints(Rounds * 10);
        for (var round = 1; round <= Rounds; round++)
        {
            var item = await ListGoods($"RACE-B{round}", price: 10, stock: 3);

            var attempts = await Task.WhenAll(volunteers.Select(v => Request(v, item)));

            NoServerErrors(attempts, round);
            attempts.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(3, $"round {round}");
            foreach (var refused in attempts.Where(r => r.StatusCode != HttpStatusCode.Created))
                await refused.ShouldBeProblem(409, "out_of_stock", "itemId");
            var stock = await Item(item);
            (stock.Reserved, stock.Remaining).ShouldBe((3, 0), $"round {round}");
        }
        await using var session = Store.QuerySession();
        var held = await session.Query<QunTuan.Projections.Volunteers.VolunteerBalance>()
            .Where(b => b.CommunityId == Seeded.Lanhua).SumAsync(b => b.Held);
        held.ShouldBe(Rounds * 3 * 10);
    }

    [Fact]
    public async Task approval_and_rejection_at_the_same_moment_have_exactly_one_winner()
    {
        await Give(Seeded.ZhangXiaomei, Rounds * 10);
        var item = await ListGoods("RACE-C", price: 10, stock: Rounds);
        var approvals = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            var requested = await Requested(Seeded.ZhangXiaomei, item);
            var approve = Post($"/api/redemptions/{requested.RedemptionId}/approve", actor: "clerk-li");
            var reject = Reject(requested.RedemptionId);
            var (approved, rejected) = (await approve, await reject);

            NoServerErrors([approved, rejected], round);
            var winners = new[] { approved, rejected }.Count(r => r.StatusCode == HttpStatusCode.OK);
            winners.ShouldBe(1, $"round {round}");
            var status = (await View(requested.RedemptionId)).Status;
            if (approved.StatusCode == HttpStatusCode.OK)
            {
                approvals++;
                status.ShouldBe(RedemptionStatus.Approved);
                await rejected.ShouldBeProblem(409, "redemption_already_approved");
            }
            else
            {
                status.ShouldBe(RedemptionStatus.Rejected);
                await approved.ShouldBeProblem(409, "redemption_rejected");
            }
        }
        var balance = await Balance(Seeded.ZhangXiaomei);
        (balance.Held, balance.LifetimeRedeemed, balance.Available)
            .ShouldBe((0, approvals * 10, Rounds * 10 - approvals * 10));
        var stock = await Item(item);
        (stock.Reserved, stock.Consumed, stock.Remaining).ShouldBe((0, approvals, Rounds - approvals));
    }

    /// <summary>
    /// The decision window ends the office's say: before the deadline only the office can decide, from it only
    /// expiry can. Racing an approval against the expiry reminder therefore has one outcome whichever takes the
    /// lock first, and the points and the stock agree with it. Rounds alternate either side of the deadline.
    /// </summary>
    [Fact]
    public async Task expiry_racing_approval_has_one_outcome_with_points_and_stock_to_match()
    {
        var bus = App.Services.GetRequiredService<IMessageBus>();
        await Give(Seeded.ZhangXiaomei, Rounds * 10);
        var item = await ListGoods("RACE-D", price: 10, stock: Rounds);
        var approvals = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            var requested = await Requested(Seeded.ZhangXiaomei, item);
            var pastDeadline = round % 2 == 0;
            App.Clock.Reset(requested.ExpiresAt.Plus(pastDeadline ? Duration.Zero : -Duration.FromMilliseconds(1)));

            var approve = Post($"/api/redemptions/{requested.RedemptionId}/approve");
            var expire = bus.InvokeAsync(new ExpireRedemption(requested.RedemptionId));
            var approved = await approve;
            await expire;

            NoServerErrors([approved], round);
            var status = (await View(requested.RedemptionId)).Status;
            if (pastDeadline)
            {
                await approved.ShouldBeProblem(409, "redemption_expired");
                status.ShouldBe(RedemptionStatus.Expired, $"round {round}");
            }
            else
            {
                approved.ShouldBe(HttpStatusCode.OK);
                status.ShouldBe(RedemptionStatus.Approved, $"round {round}");
                approvals++;
            }
        }
        approvals.ShouldBe(Rounds / 2);
        var balance = await Balance(Seeded.ZhangXiaomei);
        (balance.Held, balance.LifetimeRedeemed, balance.Available).ShouldBe((0, approvals * 10, Rounds * 10 - approvals * 10));
        var stock = await Item(item);
        (stock.Reserved, stock.Consumed, stock.Remaining).ShouldBe((0, approvals, Rounds - approvals));
    }

    [Fact]
    public async Task the_same_request_sent_ten_times_at_once_holds_the_points_once()
    {
        await Give(Seeded.ZhangXiaomei, 50);
        var id = Guid.CreateVersion7();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Request(Seeded.ZhangXiaomei, SmallGift, redemptionId: id)));

        NoServerErrors(attempts, 1);
        attempts.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(9);
        (await Balance(Seeded.ZhangXiaomei)).Held.ShouldBe(10);
        (await Item(SmallGift)).Reserved.ShouldBe(1);
    }

    /// <summary>The 36 seeded volunteers and 14 more, each given <paramref name="points"/>.</summary>
    private async Task<IReadOnlyList<Guid>> FiftyVolunteersWithPoints(int points)
    {
        var volunteers = Enumerable.Range(1, Seeded.VolunteerCount).Select(Seeded.Volunteer).ToList();
        for (var i = volunteers.Count; i < Crowd; i++)
        {
            var registered = await Post("/api/communities/lanhua/volunteers",
                new RegisterVolunteerRequest($"志愿者{i}", "第6网格"));
            registered.ShouldBe(HttpStatusCode.Created);
            volunteers.Add((await Read<VolunteerEnrolled>(registered)).Volunteer.VolunteerId);
        }
        foreach (var v in volunteers) await Give(v, points);
        return volunteers;
    }

    private static void NoServerErrors(IEnumerable<HttpResponseMessage> responses, int round)
    {
        var failures = responses.Where(r => (int)r.StatusCode >= 500)
            .Select(r => r.Content.ReadAsStringAsync().GetAwaiter().GetResult()).ToList();
        failures.ShouldBeEmpty($"round {round}");
    }

    private async Task StatementNeverBelowZero(Guid volunteer)
    {
        await using var session = Store.QuerySession();
        var lines = await session.Query<StatementLine>().Where(l => l.VolunteerId == volunteer).ToListAsync();
        lines.ShouldAllBe(l => l.BalanceAfter >= 0 && (l.HeldAfter ?? 0) >= 0);
        lines.Select(l => l.Version).Distinct().Count().ShouldBe(lines.Count);
    }
}
