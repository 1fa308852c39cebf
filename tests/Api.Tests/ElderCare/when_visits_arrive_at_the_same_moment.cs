using System.Net;
using QunTuan.Api.ElderCare;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ElderCare;

namespace QunTuan.Api.Tests.ElderCare;

/// <summary>Visits lock the elder, then the crediting path locks the helper's account: races change nothing.</summary>
public sealed class when_visits_arrive_at_the_same_moment(AppFixture fixture) : ElderScenarios(fixture)
{
    [Fact]
    public async Task one_helpers_simultaneous_visits_to_one_elder_are_credited_once()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Visit(Seeded.Elder(1), GridLeader1)));

        attempts.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var visits = await Task.WhenAll(attempts.Select(Read<ElderVisitLogged>));
        visits.Count(v => v.RecordId != null).ShouldBe(1);
        visits.Count(v => v.Reason == VisitCreditReason.AlreadyCreditedToday).ShouldBe(5);
        (await Balance(GridLeader1)).Available.ShouldBe(5);
        (await Coverage(Seeded.Elder(1))).TotalVisits.ShouldBe(6);
    }

    [Fact]
    public async Task simultaneous_visits_to_different_elders_never_pass_the_weekly_cap()
    {
        foreach (var elder in new[] { 1, 2, 3 }) await Visited(Seeded.Elder(elder), GridLeader1); // 15
        NextDay();

        var attempts = await Task.WhenAll(new[] { 1, 2, 3 }.Select(e => Visit(Seeded.Elder(e), GridLeader1)));

        var visits = await Task.WhenAll(attempts.Select(Read<ElderVisitLogged>));
        visits.Select(v => v.Points).Order().ShouldBe([0, 0, 5]);
        visits.Count(v => v.Reason == VisitCreditReason.WeeklyCapReached).ShouldBe(2);
        (await Balance(GridLeader1)).Available.ShouldBe(20);
    }
}
