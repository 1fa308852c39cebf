using System.Net;
using System.Text.Json;
using Marten;
using NodaTime;
using QunTuan.Api.RiverGuarding;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Projections.RiverGuarding;

namespace QunTuan.Api.Tests.RiverGuarding;

/// <summary>I6 for river guarding: every river read model and snapshot is a pure function of the events.</summary>
public sealed class when_segment_coverage_is_rebuilt(AppFixture fixture) : RiverScenarios(fixture)
{
    [Fact]
    public async Task a_full_rebuild_reproduces_every_segment_from_the_events()
    {
        var formed = await Read<RiverTeamFormed>(await Post("/api/river-teams", new FormRiverTeamRequest("lanhua",
            "兰花社区青年护河队", [Seeded.Volunteer(1), Seeded.Volunteer(3)],
            [new RiverSegmentRequest("兰江北岸", 1500), new RiverSegmentRequest("柏社溪", 600)])));
        (await Post($"/api/river-teams/{Team}/segments", new RiverSegmentRequest("小溪口", 300)))
            .ShouldBe(HttpStatusCode.Created);
        await Patrol(Lanjiang, new LocalDate(2026, 7, 1), Members[..2]); // older than the months kept
        await Patrol(Lanjiang, new LocalDate(2026, 9, 30), Members[..1], findings: [Litter(2)]);
        var november = await Patrol(Lanjiang, Yesterday, Members[1..4], creditNow: false,
            findings: [Litter(7, RiverFindingSeverity.High),
                new RiverFindingRequest(RiverFindingKind.Obstruction, 1, RiverFindingSeverity.Medium)]);
        await Patrol(InnerRiver, new LocalDate(2026, 11, 20), Members[..1], new LocalTime(9, 0), new LocalTime(9, 30));
        (await Post($"/api/river-findings/{november.FindingIds[0]}/resolve", new ResolveRiverFindingRequest("已清理")))
            .ShouldBe(HttpStatusCode.OK);
        (await Post($"/api/river-teams/{formed.TeamId}/patrols", new RecordRiverPatrolRequest(
            formed.Segments[1].SegmentId, Yesterday, new LocalTime(14, 0), new LocalTime(16, 0),
            [Seeded.Volunteer(3)], [Litter()], CreditNow: true))).ShouldBe(HttpStatusCode.Created);

        var before = await AllCoverage();
        before.Count.ShouldBe(5);
        var lanjiang = before.Single(c => c.Id == Lanjiang);
        lanjiang.TotalPatrols.ShouldBe(3);
        lanjiang.LastPatrolDate.ShouldBe(Yesterday);
        lanjiang.RecentPatrolDates.ShouldBe([new LocalDate(2026, 9, 30), Yesterday]);
        lanjiang.OpenFindings.Select(f => f.Kind).ShouldBe([RiverFindingKind.Litter, RiverFindingKind.Obstruction]);

        // Damage the read model first, so the test fails unless the rebuild really replays the events.
        await using (var session = Store.LightweightSession())
        {
            session.DeleteWhere<RiverSegmentCoverage>(c => c.Id == InnerRiver);
            session.Store(lanjiang with { TotalPatrols = 99, OpenFindings = [] });
            await session.SaveChangesAsync();
        }
        (await AllCoverage()).Count.ShouldBe(4);

        using var daemon = await Store.BuildProjectionDaemonAsync(); // IDisposable only, in Marten 9.58
        await daemon.RebuildProjectionAsync<RiverSegmentCoverageProjection>(CancellationToken.None);

        var after = await AllCoverage();
        after.Select(Serialized).ShouldBe(before.Select(Serialized));
    }

    [Fact]
    public async Task every_team_patrol_and_finding_document_equals_a_fold_of_its_stream()
    {
        (await Post($"/api/river-teams/{Team}/members", new JoinRiverTeamRequest(Seeded.Volunteer(1))))
            .ShouldBe(HttpStatusCode.Created);
        (await Post($"/api/river-teams/{Team}/segments", new RiverSegmentRequest("小溪口", 300)))
            .ShouldBe(HttpStatusCode.Created);
        var patrol = await Patrol(Lanjiang, Yesterday, [Seeded.Volunteer(1), Members[0]],
            findings: [Litter(), Litter(9, RiverFindingSeverity.High)]);
        (await Post($"/api/river-findings/{patrol.FindingIds[1]}/resolve", new ResolveRiverFindingRequest("已清理")))
            .ShouldBe(HttpStatusCode.OK);

        await using var session = Store.QuerySession();
        await ShouldMatchFold<RiverTeam>(session, Team);
        await ShouldMatchFold<RiverTeamView>(session, Team);
        await ShouldMatchFold<RiverPatrolView>(session, patrol.PatrolId);
        foreach (var finding in patrol.FindingIds)
        {
            await ShouldMatchFold<RiverFinding>(session, finding);
            await ShouldMatchFold<RiverFindingView>(session, finding);
        }
        (await session.LoadAsync<RiverFinding>(patrol.FindingIds[1]))!.Resolved.ShouldBeTrue();
    }

    private static async Task ShouldMatchFold<T>(IQuerySession session, Guid id) where T : class
    {
        var stored = await session.LoadAsync<T>(id);
        var folded = await session.Events.AggregateStreamAsync<T>(id);
        stored.ShouldNotBeNull();
        folded.ShouldNotBeNull();
        JsonSerializer.Serialize(folded, Json).ShouldBe(JsonSerializer.Serialize(stored, Json), typeof(T).Name);
    }

    private async Task<List<RiverSegmentCoverage>> AllCoverage()
    {
        await using var session = Store.QuerySession();
        return (await session.Query<RiverSegmentCoverage>().ToListAsync()).OrderBy(c => c.Id).ToList();
    }

    // Records holding arrays do not compare by value; their JSON does.
    private static string Serialized(RiverSegmentCoverage c) => JsonSerializer.Serialize(c, Json);
}
