using System.Net;
using System.Text.Json;
using CsCheck;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QunTuan.Api.Chest;
using QunTuan.Api.Redemptions;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Catalog;
using QunTuan.Projections.Chest;
using QunTuan.Projections.Redemptions;
using QunTuan.Projections.Statements;
using QunTuan.Projections.Volunteers;
using Wolverine;

namespace QunTuan.Api.Tests.Redemptions;

/// <summary>
/// A property test on the real store: CsCheck generates random histories of earning, requesting (for oneself,
/// for an elder, from the chest), approving, rejecting, cancelling, expiring, fulfilling, refunding, donating and
/// expiring points, and plays each through the API and the deadline handlers. After each history it checks the
/// ledger invariants and that every read model equals a fresh fold of its events. Each history has volunteers and
/// items of its own; the chest and the clock carry on from one history to the next.
/// </summary>
public sealed class when_random_histories_run_against_the_store(AppFixture fixture) : RedemptionScenarios(fixture)
{
    private const int Histories = 30;

    private enum Op { Earn, Request, RequestForElder, Grant, Approve, Reject, Cancel, Expire, Fulfil, Refund, Donate, ExpirePoints }

    private sealed record Tracked(Guid Id, Guid? Volunteer, Instant ExpiresAt)
    {
        public RedemptionStatus Status { get; set; } = RedemptionStatus.Requested;
        public string? Code { get; set; }
        public Instant? CollectBy { get; set; }
    }

    [Fact]
    public async Task the_invariants_hold_and_every_read_model_is_a_fresh_fold()
    {
        await SetPolicy(Duration.FromDays(7), expireAfterYears: 0);
        var kinds = Gen.Frequency((3, Gen.Const(Op.Earn)), (3, Gen.Const(Op.Request)), (1, Gen.Const(Op.RequestForElder)),
            (1, Gen.Const(Op.Grant)), (3, Gen.Const(Op.Approve)), (1, Gen.Const(Op.Reject)), (2, Gen.Const(Op.Cancel)),
            (1, Gen.Const(Op.Expire)), (2, Gen.Const(Op.Fulfil)), (2, Gen.Const(Op.Refund)), (1, Gen.Const(Op.Donate)),
            (1, Gen.Const(Op.ExpirePoints)));
        var steps = kinds.Select(Gen.Int[0, 2], Gen.Int[0, 7], Gen.Int[1, 3], Gen.Int[0, 9]).Array[10, 40];
        var history = 0;

        await steps.SampleAsync(async ops => await Play(ops, ++history), iter: Histories, threads: 1,
            print: ops => string.Join(", ", ops.Select(o => $"{o.Item1}({o.Item2},{o.Item3},{o.Item4},{o.Item5})")));

        // The histories went everywhere: every state was reached, and points moved to the chest both ways.
        _reached.ShouldBe(Enum.GetValues<RedemptionStatus>(), ignoreOrder: true);
        await using var session = Store.QuerySession();
        var chest = (await session.LoadAsync<ChestView>(CommunityChest.IdFor(Seeded.Lanhua)))!;
        new[] { chest.DonationsReceived, chest.ExpiredReceived, chest.Granted }.ShouldAllBe(points => points > 0);
    }

    private readonly HashSet<RedemptionStatus> _reached = [];

    /// <param name="ops">Each step: what, which volunteer (a), which item or redemption (b), how much (n), and a
    /// one-in-ten chance (chaos 0) of aiming a decision at any redemption, so repeats and conflicts are played.</param>
    private async Task Play((Op Op, int A, int B, int N, int Chaos)[] ops, int history)
    {
        var bus = App.Services.GetRequiredService<IMessageBus>();
        var volunteers = new List<Guid>();
        for (var i = 0; i < 3; i++)
            volunteers.Add((await Read<VolunteerEnrolled>(await Expect(Post("/api/communities/lanhua/volunteers",
                new RegisterVolunteerRequest($"随机{history}-{i}", "第2网格"))))).Volunteer.VolunteerId);
        Guid[] items = [await ListGoods($"P{history}A", price: 10, stock: 3),
            await ListGoods($"P{history}B", price: 30, stock: 2, monthlyLimit: 1)];
        var redemptions = new List<Tracked>();
        foreach (var volunteer in volunteers) await Earn(volunteer, 2);

        foreach (var (op, a, b, n, chaos) in ops)
        {
            var volunteer = volunteers[a];
            var item = items[b % 2];
            var wanted = op is Op.Fulfil or Op.Refund ? RedemptionStatus.Approved : RedemptionStatus.Requested;
            var candidates = chaos == 0
                ? redemptions
                : redemptions.Where(r => r.Status == wanted && (op != Op.Cancel || r.Volunteer is not null)).ToList();
            var target = candidates.Count == 0 ? null : candidates[b % candidates.Count];
            switch (op)
            {
                case Op.Earn:
                    await Earn(volunteer, n);
                    break;
                case Op.Request or Op.RequestForElder:
                    var asked = await Expect(Request(volunteer, item,
                        beneficiaryId: op == Op.RequestForElder ? Seeded.Elder(1) : null));
                    if (asked.StatusCode == HttpStatusCode.Created) Track(redemptions, await Read<RedemptionResponse>(asked));
                    break;
                case Op.Grant:
                    var granted = await Expect(Post("/api/communities/lanhua/chest/grants",
                        new GrantFromChestRequest(item, Seeded.Elder(2))));
                    if (granted.StatusCode == HttpStatusCode.Created) Track(redemptions, await Read<RedemptionResponse>(granted));
                    break;
                case Op.Approve when target is not null:
                    var approved = await Expect(Post($"/api/redemptions/{target.Id}/approve"));
                    if (approved.StatusCode == HttpStatusCode.OK && await Read<RedemptionResponse>(approved) is { PickupCode: { } code } r)
                        (target.Code, target.CollectBy) = (code, r.CollectBy);
                    break;
                case Op.Reject when target is not null:
                    await Expect(Reject(target.Id, "随机驳回"));
                    break;
                case Op.Cancel when target is not null:
                    await Expect(Cancel(target.Id, target.Volunteer ?? volunteer));
                    break;
                case Op.Expire when target is not null:
                    MoveClockTo(target.ExpiresAt);
                    await bus.InvokeAsync(new ExpireRedemption(target.Id));
                    break;
                case Op.Fulfil when target is not null:
                    await Expect(Fulfil(target.Id, n > 1 && target.Code is not null ? target.Code : "0000000"));
                    break;
                case Op.Refund when target?.CollectBy is { } collectBy:
                    MoveClockTo(collectBy);
                    await bus.InvokeAsync(new CloseUncollectedRedemption(target.Id));
                    break;
                case Op.Donate:
                    await Expect(Post($"/api/volunteers/{volunteer}/donations", new DonatePointsRequest(n * 5),
                        user: TestUsers.Volunteer(volunteer)));
                    break;
                case Op.ExpirePoints:
                    var year = ShanghaiCalendar.Today(App.Clock.GetCurrentInstant()).Year;
                    MoveClockTo(ShanghaiCalendar.StartOf(new LocalDate(year + 1, 1, 1)).Plus(Duration.FromMinutes(1)));
                    await Expect(Post("/api/communities/lanhua/points-expiry"));
                    break;
            }
            if (target is not null) _reached.Add(target.Status = (await View(target.Id)).Status);
        }

        await CheckInvariants(volunteers, items, redemptions.Select(r => r.Id).ToList());
    }

    /// <summary>Office staff credit CB02 (20 points an occasion) through the one crediting path.</summary>
    private Task Earn(Guid volunteer, int occasions) =>
        Expect(Post("/api/service-records", new SubmitServiceRecordRequest(volunteer, "CB02",
            ShanghaiCalendar.Today(App.Clock.GetCurrentInstant()), Occasions: occasions, VerifyNow: true)));

    private void Track(List<Tracked> redemptions, RedemptionResponse r)
    {
        redemptions.Add(new Tracked(r.RedemptionId, r.VolunteerId, r.ExpiresAt));
        _reached.Add(RedemptionStatus.Requested);
    }

    private void MoveClockTo(Instant at)
    {
        if (at > App.Clock.GetCurrentInstant()) App.Clock.Reset(at);
    }

    /// <summary>Any answer but a server error: refusals (404, 409, 422) are part of a random history.</summary>
    private static async Task<HttpResponseMessage> Expect(Task<HttpResponseMessage> call)
    {
        var response = await call;
        ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync());
        ((int)response.StatusCode).ShouldNotBeOneOf(400, 401, 403);
        return response;
    }

    private async Task CheckInvariants(IReadOnlyList<Guid> volunteers, IReadOnlyList<Guid> items,
        IReadOnlyList<Guid> redemptionIds)
    {
        await using var session = Store.QuerySession();
        var redemptions = (await session.LoadManyAsync<RedemptionView>(redemptionIds)).ToList();
        redemptions.Count.ShouldBe(redemptionIds.Count);
        var open = redemptions.Where(r => r.Status == RedemptionStatus.Requested).ToList();

        foreach (var id in volunteers)
        {
            var balance = (await session.LoadAsync<VolunteerBalance>(id))!;
            SameAs(balance, await session.Events.AggregateStreamAsync<VolunteerBalance>(id));
            SameAs(await session.LoadAsync<VolunteerAccount>(id), await session.Events.AggregateStreamAsync<VolunteerAccount>(id));
            // I1: available = earned − redeemed − donated − expired − held, and never below zero.
            balance.Available.ShouldBeGreaterThanOrEqualTo(0);
            balance.Available.ShouldBe(balance.LifetimeEarned - balance.LifetimeRedeemed - balance.LifetimeDonated -
                                       balance.LifetimeExpired - balance.Held);
            balance.Held.ShouldBe(open.Where(r => r.PayerId == id).Sum(r => r.Points));
            var lines = await session.Query<StatementLine>().Where(l => l.VolunteerId == id).ToListAsync();
            lines.ShouldAllBe(l => l.BalanceAfter >= 0);
            (lines.MaxBy(l => l.Version)?.BalanceAfter ?? 0).ShouldBe(balance.Available);
        }

        foreach (var id in items)
        {
            var item = (await session.LoadAsync<CatalogItemView>(id))!;
            SameAs(item, await session.Events.AggregateStreamAsync<CatalogItemView>(id));
            var mine = redemptions.Where(r => r.ItemId == id).ToList();
            item.Reserved.ShouldBe(mine.Count(r => r.Status == RedemptionStatus.Requested));
            item.Consumed.ShouldBe(mine.Count(r => r.Status is RedemptionStatus.Approved or RedemptionStatus.Fulfilled));
            item.Remaining.ShouldBe(item.Stock - item.Reserved - item.Consumed);
            item.Remaining.ShouldBeGreaterThanOrEqualTo(0);
        }

        foreach (var r in redemptions)
        {
            SameAs(r, await session.Events.AggregateStreamAsync<RedemptionView>(r.Id));
            // I5: every approval decided by office staff of the community, on a request made before it.
            if (r.Status is RedemptionStatus.Approved or RedemptionStatus.Fulfilled or RedemptionStatus.Refunded)
            {
                r.DecidedBy.ShouldBe("clerk-li");
                r.DecidedAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(r.RequestedAt);
            }
        }

        var chestId = CommunityChest.IdFor(Seeded.Lanhua);
        var chest = (await session.LoadAsync<ChestView>(chestId))!;
        SameAs(chest, await session.Events.AggregateStreamAsync<ChestView>(chestId));
        chest.Available.ShouldBeGreaterThanOrEqualTo(0);
        chest.Available.ShouldBe(chest.DonationsReceived + chest.ExpiredReceived - chest.Granted - chest.Held);
        var openGrants = await session.Query<RedemptionView>()
            .Where(r => r.PayerId == chestId && r.Status == RedemptionStatus.Requested).ToListAsync();
        chest.Held.ShouldBe(openGrants.Sum(r => r.Points));

        // I2: every point issued is on an account (available or held) or was spent; donations and expiries are
        // transfers between accounts, so the chest received exactly what volunteers gave and lost.
        var all = await session.Query<VolunteerBalance>().ToListAsync();
        all.Sum(b => b.LifetimeDonated).ShouldBe(chest.DonationsReceived);
        all.Sum(b => b.LifetimeExpired).ShouldBe(chest.ExpiredReceived);
        (all.Sum(b => b.Available + b.Held) + chest.Available + chest.Held + all.Sum(b => b.LifetimeRedeemed) +
         chest.Granted).ShouldBe(all.Sum(b => b.LifetimeEarned));
    }

    private static void SameAs<T>(T stored, T? folded) =>
        JsonSerializer.Serialize(stored, Json).ShouldBe(JsonSerializer.Serialize(folded, Json));
}
