using System.Net;
using QunTuan.Api.Communities;
using QunTuan.Api.RiverGuarding;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Projections.RiverGuarding;

namespace QunTuan.Api.Tests.RiverGuarding;

public sealed class when_a_river_team_is_formed(AppFixture fixture) : RiverScenarios(fixture)
{
    private static FormRiverTeamRequest YouthTeam(params Guid[] members) =>
        new("lanhua", "兰花社区青年护河队", members,
            [new RiverSegmentRequest("兰江北岸", 1500), new RiverSegmentRequest("柏社溪", 600)]);

    [Fact]
    public async Task it_has_its_members_and_segments_and_grows_by_small_events()
    {
        var response = await Post("/api/river-teams", YouthTeam(Seeded.Volunteer(1), Seeded.Volunteer(3)));
        response.ShouldBe(HttpStatusCode.Created);
        var formed = await Read<RiverTeamFormed>(response);
        response.Headers.Location!.ToString().ShouldBe($"/api/river-teams/{formed.TeamId}");

        (await Post($"/api/river-teams/{formed.TeamId}/members", new JoinRiverTeamRequest(Seeded.Volunteer(5))))
            .ShouldBe(HttpStatusCode.Created);
        var segmentId = Guid.CreateVersion7();
        (await Post($"/api/river-teams/{formed.TeamId}/segments", new RiverSegmentRequest("小溪口", 300, segmentId)))
            .ShouldBe(HttpStatusCode.Created);

        var team = await Get<RiverTeamView>($"/api/river-teams/{formed.TeamId}");
        team.CommunityId.ShouldBe(Seeded.Lanhua);
        team.Scope.ShouldBe(RiverTeamScope.Community);
        team.Street.ShouldBeNull();
        team.Name.ShouldBe("兰花社区青年护河队");
        team.Members.Select(m => m.VolunteerId).ShouldBe([Seeded.Volunteer(1), Seeded.Volunteer(3), Seeded.Volunteer(5)]);
        team.Segments.Select(s => (s.Name, s.LengthMetres)).ShouldBe([("兰江北岸", 1500), ("柏社溪", 600), ("小溪口", 300)]);
        team.Segments[2].SegmentId.ShouldBe(segmentId);
        var coverage = await Coverage(formed.TeamId);
        coverage.Select(c => c.SegmentId).ShouldBe(team.Segments.Select(s => s.SegmentId));
        coverage.ShouldAllBe(c => c.TotalPatrols == 0 && c.LastPatrolDate == null && c.OpenFindingsCount == 0);
    }

    /// <summary>A community team stays within its community, even for a neighbour of the same street.</summary>
    [Fact]
    public async Task a_volunteer_of_another_community_cannot_join()
    {
        var stranger = await ForeignCommunityWithVolunteer();
        var before = await EventCount();

        await (await Post("/api/river-teams", YouthTeam(Seeded.Volunteer(1), stranger)))
            .ShouldBeProblem(422, "member_not_in_community", "members[1]");
        await (await Post("/api/river-teams", YouthTeam(Seeded.Volunteer(1), stranger) with
            {
                Scope = RiverTeamScope.Community
            }))
            .ShouldBeProblem(422, "member_not_in_community", "members[1]");
        await (await Post($"/api/river-teams/{Team}/members", new JoinRiverTeamRequest(stranger)))
            .ShouldBeProblem(422, "member_not_in_community", "volunteerId");

        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_segment_id_another_team_guards_cannot_be_claimed()
    {
        var before = await EventCount();
        var request = YouthTeam(Seeded.Volunteer(1)) with
        {
            Segments = [new RiverSegmentRequest("兰江兰花段（复制）", 1200, Lanjiang)]
        };

        await (await Post("/api/river-teams", request)).ShouldBeProblem(409, "river_segment_exists", "segments[0].segmentId");

        (await EventCount()).ShouldBe(before);
        (await Coverage(Team, Lanjiang)).Name.ShouldBe("兰江兰花段");
    }
}
