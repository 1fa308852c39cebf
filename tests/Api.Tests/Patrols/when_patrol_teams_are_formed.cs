using System.Net;
using QunTuan.Api.Patrols;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Patrols;
using QunTuan.Projections.Patrols;

namespace QunTuan.Api.Tests.Patrols;

public sealed class when_patrol_teams_are_formed(AppFixture fixture) : PatrolScenarios(fixture)
{
    [Fact]
    public async Task the_seeded_lanhua_team_has_organizers_first_then_members()
    {
        var team = await Get<PatrolTeamView>($"/api/patrol-teams/{LanhuaTeam}");

        team.Name.ShouldBe("兰花社区平安巡防队");
        team.CommunityId.ShouldBe(Seeded.Lanhua);
        team.Roster.Where(m => m.Role == PatrolTeamRole.Organizer).Select(m => m.VolunteerId)
            .ShouldBe([Seeded.Volunteer(2), Seeded.Volunteer(4)]);
        team.Roster.Where(m => m.Role == PatrolTeamRole.Member).Count().ShouldBe(6);
        team.Size.ShouldBe(8);
    }

    [Fact]
    public async Task a_team_is_formed_and_joined_through_the_api()
    {
        var response = await Post("/api/patrol-teams", new FormPatrolTeamRequest("lanhua", "第3网格夜巡小组",
            [Seeded.Volunteer(9)], [Seeded.Volunteer(10)]));
        response.ShouldBe(HttpStatusCode.Created);
        var formed = await Read<PatrolTeamFormed>(response);
        response.Headers.Location!.ToString().ShouldBe($"/api/patrol-teams/{formed.TeamId}");

        (await Post($"/api/patrol-teams/{formed.TeamId}/members",
            new AddPatrolTeamMemberRequest(Seeded.Volunteer(11)))).ShouldBe(HttpStatusCode.Created);
        (await Post($"/api/patrol-teams/{formed.TeamId}/members",
            new AddPatrolTeamMemberRequest(Seeded.Volunteer(12), PatrolTeamRole.Organizer))).ShouldBe(HttpStatusCode.Created);

        var team = await Get<PatrolTeamView>($"/api/patrol-teams/{formed.TeamId}");
        team.Roster.Select(m => (m.VolunteerId, m.Role)).ShouldBe([
            (Seeded.Volunteer(9), PatrolTeamRole.Organizer), (Seeded.Volunteer(12), PatrolTeamRole.Organizer),
            (Seeded.Volunteer(10), PatrolTeamRole.Member), (Seeded.Volunteer(11), PatrolTeamRole.Member)
        ]);
        team.Size.ShouldBe(4);
    }

    [Fact]
    public async Task a_member_cannot_join_twice()
    {
        var before = await EventCount();

        await (await Post($"/api/patrol-teams/{LanhuaTeam}/members", new AddPatrolTeamMemberRequest(Seeded.Volunteer(2))))
            .ShouldBeProblem(409, "already_team_member", "volunteerId");

        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_shift_run_by_a_team_shows_the_team()
    {
        var shift = await ScheduleShift(teamId: LanhuaTeam);

        var view = await Shift(shift.ShiftId);

        (view.TeamId, view.TeamName).ShouldBe((LanhuaTeam, "兰花社区平安巡防队"));
    }
}
