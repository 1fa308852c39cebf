using System.Net;
using NodaTime;
using QunTuan.Api.RiverGuarding;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.RiverGuarding;

namespace QunTuan.Api.Tests.RiverGuarding;

/// <summary>The seeded Lanhua river team (seeds/river-teams.json) and arrange steps for patrols.</summary>
public abstract class RiverScenarios(AppFixture fixture) : Scenarios(fixture)
{
    protected static readonly Guid Team = Guid.Parse("00000000-0000-7000-8000-0000000a0001");
    protected static readonly Guid Lanjiang = Guid.Parse("00000000-0000-7000-8000-0000000a1001"); // 兰江兰花段 1200 m
    protected static readonly Guid InnerRiver = Guid.Parse("00000000-0000-7000-8000-0000000a1002"); // 社区内河 800 m

    /// <summary>Seeded members of the team; volunteers 1, 3, 5, 7, 8, 10 and 12 are not on it.</summary>
    protected static readonly Guid[] Members = [Seeded.Volunteer(2), Seeded.Volunteer(4), Seeded.Volunteer(6),
        Seeded.Volunteer(9), Seeded.Volunteer(11)];

    protected static readonly LocalDate Yesterday = Today.PlusDays(-1);
    protected static readonly LocalTime Nine = new(9, 0);
    protected static readonly LocalTime HalfPastEleven = new(11, 30);

    protected static string Patrols(Guid team) => $"/api/river-teams/{team}/patrols";

    protected static RiverFindingRequest Litter(int count = 3, RiverFindingSeverity severity = RiverFindingSeverity.Low) =>
        new(RiverFindingKind.Litter, count, severity, "IMG_20261122_0901.jpg", "桥下漂浮塑料袋");

    protected async Task<RiverPatrolAccepted> Patrol(Guid segmentId, LocalDate date, Guid[] participants,
        LocalTime? start = null, LocalTime? end = null, bool creditNow = true, RiverFindingRequest[]? findings = null)
    {
        var response = await Post(Patrols(Team), new RecordRiverPatrolRequest(segmentId, date, start ?? Nine,
            end ?? HalfPastEleven, participants, findings ?? [], creditNow));
        response.ShouldBe(HttpStatusCode.Created);
        return await Read<RiverPatrolAccepted>(response);
    }

    protected Task<RiverSegmentCoverageResult[]> Coverage(Guid team) =>
        Get<RiverSegmentCoverageResult[]>($"/api/river-teams/{team}/segments");

    protected async Task<RiverSegmentCoverageResult> Coverage(Guid team, Guid segmentId) =>
        (await Coverage(team)).Single(s => s.SegmentId == segmentId);
}
