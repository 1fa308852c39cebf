using System.Net;
using QunTuan.Api.RiverGuarding;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Projections.RiverGuarding;

namespace QunTuan.Api.Tests.RiverGuarding;

public sealed class when_river_findings_are_resolved(AppFixture fixture) : RiverScenarios(fixture)
{
    [Fact]
    public async Task a_finding_stays_open_until_resolved_once_by_whoever_resolved_it()
    {
        var patrol = await Patrol(Lanjiang, Yesterday, Members[..2], findings: [Litter(12),
            new RiverFindingRequest(RiverFindingKind.IllegalDischarge, 1, RiverFindingSeverity.High, Note: "雨水口有异味排水")]);
        var (litter, discharge) = (patrol.FindingIds[0], patrol.FindingIds[1]);

        var open = await Get<RiverFindingView>($"/api/river-findings/{discharge}");
        open.Status.ShouldBe(RiverFindingStatus.Open);
        open.Kind.ShouldBe(RiverFindingKind.IllegalDischarge);
        open.Severity.ShouldBe(RiverFindingSeverity.High);
        open.TeamId.ShouldBe(Team);
        open.SegmentId.ShouldBe(Lanjiang);
        open.PatrolId.ShouldBe(patrol.PatrolId);
        open.ReportedOn.ShouldBe(Yesterday);
        (await Get<RiverFindingView>($"/api/river-findings/{litter}")).PhotoRef.ShouldBe("IMG_20261122_0901.jpg");

        var resolved = await Post($"/api/river-findings/{discharge}/resolve",
            new ResolveRiverFindingRequest("已报河长，排口已封堵"), actor: "river-chief-wu");
        resolved.ShouldBe(HttpStatusCode.OK);

        var closed = await Get<RiverFindingView>($"/api/river-findings/{discharge}");
        closed.Status.ShouldBe(RiverFindingStatus.Resolved);
        closed.ResolvedBy.ShouldBe("river-chief-wu");
        closed.ResolvedAt.ShouldBe(App.Clock.GetCurrentInstant());
        closed.ResolutionNote.ShouldBe("已报河长，排口已封堵");
        var coverage = await Coverage(Team, Lanjiang);
        coverage.OpenFindingsCount.ShouldBe(1);
        coverage.OpenFindings.ShouldHaveSingleItem()
            .ShouldBe(new OpenRiverFinding(litter, patrol.PatrolId, RiverFindingKind.Litter, RiverFindingSeverity.Low, 12, Yesterday));
    }

    [Fact]
    public async Task resolving_twice_is_a_conflict_that_writes_nothing()
    {
        var finding = (await Patrol(InnerRiver, Yesterday, Members[..1], findings: [Litter()])).FindingIds[0];
        (await Post($"/api/river-findings/{finding}/resolve", new ResolveRiverFindingRequest("已清理"))).ShouldBe(HttpStatusCode.OK);
        var before = await EventCount();

        var again = await Post($"/api/river-findings/{finding}/resolve", new ResolveRiverFindingRequest("再次清理"));

        await again.ShouldBeProblem(409, "river_finding_already_resolved");
        (await EventCount()).ShouldBe(before);
        (await Get<RiverFindingView>($"/api/river-findings/{finding}")).ResolutionNote.ShouldBe("已清理");
    }

    [Fact]
    public async Task findings_of_one_segment_resolved_at_the_same_moment_all_leave_its_coverage()
    {
        var findings = (await Patrol(Lanjiang, Yesterday, Members[..1], findings:
            [.. Enumerable.Range(1, 6).Select(i => Litter(i))])).FindingIds;

        var results = await Task.WhenAll(findings.Select((id, i) =>
            Post($"/api/river-findings/{id}/resolve", new ResolveRiverFindingRequest($"已清理 {i}"), actor: $"clerk-{i}")));

        results.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var coverage = await Coverage(Team, Lanjiang);
        coverage.OpenFindingsCount.ShouldBe(0);
        coverage.OpenFindings.ShouldBeEmpty();
    }
}
