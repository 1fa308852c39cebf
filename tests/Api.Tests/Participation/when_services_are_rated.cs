using System.Net;
using NodaTime;
using QunTuan.Api.Patrols;
using QunTuan.Api.Ratings;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.Ratings;

namespace QunTuan.Api.Tests.Participation;

/// <summary>两率: attraction (took part / members at the time) and satisfaction, per team, against 80 %.</summary>
public sealed class when_services_are_rated(AppFixture fixture) : Scenarios(fixture)
{
    private static readonly Guid Team = Guid.Parse("00000000-0000-7000-8100-000000000001"); // 8 members

    private async Task<Guid> ClosedShift(int participants)
    {
        var start = App.Clock.GetCurrentInstant().Plus(Duration.FromMinutes(10));
        var shift = await Read<PatrolShiftScheduled>(await Post("/api/patrol-shifts",
            new SchedulePatrolShiftRequest("lanhua", "兰花路", start, start.Plus(Duration.FromHours(2)), TeamId: Team)));
        foreach (var n in new[] { 1, 2, 3, 4, 5, 6, 7, 8 }.Take(participants))
            (await Post($"/api/patrol-shifts/{shift.ShiftId}/check-ins", new CheckInRequest(Seeded.Volunteer(n))))
                .ShouldBe(HttpStatusCode.Created);
        App.Clock.Advance(Duration.FromHours(3));
        (await Post($"/api/patrol-shifts/{shift.ShiftId}/close", new ClosePatrolShiftRequest(true))).ShouldBe(HttpStatusCode.OK);
        return shift.ShiftId;
    }

    private Task<HttpResponseMessage> Rate(Guid shift, Satisfaction rating, string rater) =>
        Post("/api/ratings", new RateServiceRequest(RatedSubject.PatrolShift, shift, rating), actor: rater);

    private Task<RatingsReport> Report() => Get<RatingsReport>("/api/communities/lanhua/ratings?period=2026-Q4&fresh=true");

    [Fact]
    public async Task a_team_above_both_lines_is_not_flagged()
    {
        var shift = await ClosedShift(participants: 7); // 7 of 8 = 87.5 %
        foreach (var rater in new[] { "r1", "r2", "r3", "r4", "r5" })
            (await Rate(shift, rater == "r5" ? Satisfaction.Neutral : Satisfaction.Satisfied, rater)).ShouldBe(HttpStatusCode.Created);

        var team = (await Report()).Teams.Single(t => t.TeamId == Team);

        team.AttractionRatePercent.ShouldBe(87.5m);
        team.SatisfactionRatePercent.ShouldBe(80.0m); // 4 of 5: exactly on the line passes
        team.BelowThreshold.ShouldBeFalse();
    }

    [Fact]
    public async Task a_team_under_either_line_is_listed()
    {
        var shift = await ClosedShift(participants: 6); // 75 %
        (await Rate(shift, Satisfaction.Satisfied, "r1")).ShouldBe(HttpStatusCode.Created);

        var report = await Report();

        var team = report.Teams.Single(t => t.TeamId == Team);
        team.AttractionRatePercent.ShouldBe(75.0m);
        team.SatisfactionRatePercent.ShouldBe(100.0m);
        report.TeamsBelowThreshold.ShouldContain(Team);
    }

    [Fact]
    public async Task the_community_rates_add_up_every_team_and_every_rating()
    {
        var first = await ClosedShift(participants: 7);
        var second = await ClosedShift(participants: 6);
        (await Rate(first, Satisfaction.Satisfied, "r1")).ShouldBe(HttpStatusCode.Created);
        (await Rate(first, Satisfaction.Neutral, "r2")).ShouldBe(HttpStatusCode.Created);
        (await Rate(second, Satisfaction.Satisfied, "r3")).ShouldBe(HttpStatusCode.Created);

        var report = await Report();

        // 13 of 16 invitations taken up (the river team did nothing this quarter); 2 of 3 raters satisfied.
        (report.AttractionRatePercent, report.Ratings, report.Satisfied, report.SatisfactionRatePercent)
            .ShouldBe((81.3m, 3, 2, (decimal?)66.7m));
        var team = report.Teams.Single(t => t.TeamId == Team);
        (team.Activities, team.Participants, team.Invited).ShouldBe((2, 13, 16));
        report.TeamsBelowThreshold.ShouldBe([Team]); // satisfaction under 80 %
    }

    [Fact]
    public async Task dissatisfaction_pulls_a_team_under_the_line()
    {
        var shift = await ClosedShift(participants: 8);
        (await Rate(shift, Satisfaction.Satisfied, "r1")).ShouldBe(HttpStatusCode.Created);
        (await Rate(shift, Satisfaction.Dissatisfied, "r2")).ShouldBe(HttpStatusCode.Created);

        var report = await Report();

        report.Teams.Single(t => t.TeamId == Team).SatisfactionRatePercent.ShouldBe(50.0m);
        report.TeamsBelowThreshold.ShouldBe([Team]);
        report.Ratings.ShouldBe(2);
    }

    [Fact]
    public async Task one_rater_rates_a_service_once_and_only_when_it_is_finished()
    {
        var shift = await ClosedShift(participants: 2);
        (await Rate(shift, Satisfaction.Satisfied, "r1")).ShouldBe(HttpStatusCode.Created);
        await (await Rate(shift, Satisfaction.Dissatisfied, "r1")).ShouldBeProblem(409, "already_rated", "subjectId");

        var start = App.Clock.GetCurrentInstant().Plus(Duration.FromHours(1));
        var open = await Read<PatrolShiftScheduled>(await Post("/api/patrol-shifts",
            new SchedulePatrolShiftRequest("lanhua", "兰花路", start, start.Plus(Duration.FromHours(2)), TeamId: Team)));
        await (await Rate(open.ShiftId, Satisfaction.Satisfied, "r1")).ShouldBeProblem(409, "not_completed", "subjectId");
        await (await Post("/api/ratings", new RateServiceRequest(RatedSubject.RiverPatrol, Guid.NewGuid(), Satisfaction.Satisfied)))
            .ShouldBeProblem(404, "river_patrol_not_found", "subjectId");
    }
}
