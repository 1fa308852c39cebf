using System.Net;
using Marten;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.Concurrency;

public sealed class when_clerks_act_at_the_same_moment(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task concurrent_verifications_of_one_record_credit_it_once()
    {
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB01", Today, durationMinutes: 180);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => Post($"/api/service-records/{recordId}/verify", actor: $"clerk-{i}")));

        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var loser in attempts.Where(r => r.StatusCode != HttpStatusCode.OK))
            await loser.ShouldBeProblem(409, "record_already_verified");

        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(30);
        await using var session = Store.QuerySession();
        var credits = await session.Events.QueryRawEventDataOnly<PointsCredited>()
            .Where(e => e.RecordId == recordId).CountAsync();
        credits.ShouldBe(1);
    }

    [Fact]
    public async Task concurrent_debits_never_take_the_balance_below_zero_and_lose_no_write()
    {
        await Credit(Seeded.ZhangXiaomei, "CB08", Today, occasions: 2); // 80 points
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);                // 100

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Post($"/api/volunteers/{Seeded.ZhangXiaomei}/adjustments",
                new AdjustPointsRequest(-30, CorrectionReason.EntryError, "并发扣减 / concurrent debit"))));

        attempts.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(3);
        foreach (var refused in attempts.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.ShouldBeProblem(409, "insufficient_balance", "points");

        var balance = await Balance(Seeded.ZhangXiaomei);
        balance.Available.ShouldBe(10);
        var lines = (await Get<Statement>($"/api/volunteers/{Seeded.ZhangXiaomei}/statement")).Movements.Items;
        lines.Count.ShouldBe(5);
        lines.Select(l => l.Version).ShouldBe(lines.Select(l => l.Version).Distinct());
        lines.ShouldAllBe(l => l.BalanceAfter >= 0);
    }

    [Fact]
    public async Task credits_racing_a_debit_are_all_kept()
    {
        await Credit(Seeded.ZhangXiaomei, "CB02", Today); // 20
        var pending = new List<Guid>();
        for (var i = 0; i < 6; i++) pending.Add(await SubmitRecord(Seeded.ZhangXiaomei, "CB03", Today));

        var verifications = pending.Select(id => Post($"/api/service-records/{id}/verify"));
        var debit = Post($"/api/volunteers/{Seeded.ZhangXiaomei}/adjustments",
            new AdjustPointsRequest(-20, CorrectionReason.EntryError, "并发 / concurrent"));
        var results = await Task.WhenAll(verifications.Append(debit));

        results.ShouldAllBe(r => r.IsSuccessStatusCode);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(20 + 6 * 20 - 20);
    }
}
