using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Patrols;

public sealed class when_scheduling_a_patrol_shift
{
    private static readonly PatrolTeam Team = PatrolTeam.Create(new PatrolTeamFormed(
        new Guid("0e000000-0000-4000-8000-000000000001"), Build.Lanhua, "兰花社区平安巡防队", [Patrol.Li], [Patrol.Zhang],
        Build.Now, "office"));

    private static SchedulePatrolShift Command(Instant? start = null, Instant? end = null, string area = "兰花路沿线") =>
        new(Patrol.ShiftId, Build.Lanhua, null, area, start ?? Patrol.Start, end ?? Patrol.End, "CB01", "office");

    private static PatrolShiftScheduled Decide(SchedulePatrolShift command, Activity? activity = null,
        PatrolTeam? team = null, bool exists = false) =>
        SchedulePatrolShiftDecider.Decide(command, exists, activity ?? Patrol.Cb01, team, Patrol.Code, Build.Now);

    private static LedgerRuleViolation Refused(SchedulePatrolShift command, Activity? activity = null,
        PatrolTeam? team = null, bool exists = false) =>
        Should.Throw<LedgerRuleViolation>(() => Decide(command, activity, team, exists));

    [Fact]
    public void the_shift_carries_its_plan_code_and_team()
    {
        var scheduled = Decide(Command() with { TeamId = Team.Id }, team: Team);

        scheduled.ShouldBe(new PatrolShiftScheduled(Patrol.ShiftId, Build.Lanhua, Team.Id, "兰花社区平安巡防队", "兰花路沿线",
            "CB01", Patrol.Start, Patrol.End, Build.Date(2026, 7, 6), Patrol.Code, Build.Now, "office"));
    }

    [Fact]
    public void the_service_date_is_the_shanghai_date_of_the_planned_start()
    {
        // 23:00 on 6 July in Shanghai is 15:00 UTC; the shift runs past midnight into 7 July.
        var start = Instant.FromUtc(2026, 7, 6, 15, 0);

        Decide(Command(start, start + Duration.FromHours(4))).ServiceDate.ShouldBe(Build.Date(2026, 7, 6));
        Decide(Command(start + Duration.FromHours(1), start + Duration.FromHours(4))).ServiceDate
            .ShouldBe(Build.Date(2026, 7, 7));
    }

    [Fact]
    public void the_end_must_come_after_the_start()
    {
        var violation = Refused(Command(end: Patrol.Start));

        (violation.Code, violation.Field).ShouldBe(("shift_end_not_after_start", "plannedEnd"));
    }

    [Fact]
    public void twelve_hours_is_the_longest_shift()
    {
        Decide(Command(end: Patrol.Start + Duration.FromHours(12))).PlannedEnd.ShouldBe(Patrol.Start + Duration.FromHours(12));
        var violation = Refused(Command(end: Patrol.Start + Duration.FromHours(12) + Duration.FromSeconds(1)));

        (violation.Code, violation.Field).ShouldBe(("shift_too_long", "plannedEnd"));
    }

    [Fact]
    public void a_shift_that_is_already_over_is_refused()
    {
        var violation = Refused(Command(Build.Now - Duration.FromHours(3), Build.Now));

        (violation.Code, violation.Field).ShouldBe(("shift_already_over", "plannedEnd"));
    }

    [Fact]
    public void a_shift_under_way_can_still_be_scheduled()
    {
        Decide(Command(Build.Now - Duration.FromHours(1), Build.Now + Duration.FromHours(1))).ShouldNotBeNull();
    }

    [Fact]
    public void a_shift_more_than_ninety_days_ahead_is_refused()
    {
        var start = Build.Now + Duration.FromDays(90) + Duration.FromMinutes(1);

        var violation = Refused(Command(start, start + Duration.FromHours(2)));

        (violation.Code, violation.Field).ShouldBe(("shift_too_far_ahead", "plannedStart"));
    }

    [Fact]
    public void only_an_activity_valued_by_time_can_be_patrolled()
    {
        var perSession = Build.ActivityWith("CB02", (Build.Date(2026, 1, 1), Build.TwentyASession));

        var violation = Refused(Command() with { ActivityCode = "CB02" }, perSession);

        (violation.Code, violation.Field).ShouldBe(("activity_not_timed", "activityCode"));
    }

    [Fact]
    public void the_activity_needs_a_rule_in_force_on_the_service_date()
    {
        var later = Build.ActivityWith("CB01", (Build.Date(2026, 7, 7), Build.TenAnHour));

        var violation = Refused(Command(), later);

        (violation.Code, violation.Field).ShouldBe(("no_rule_in_force", "plannedStart"));
    }

    [Fact]
    public void the_team_must_belong_to_the_community()
    {
        var foreign = Team with { CommunityId = Patrol.Elsewhere };

        var violation = Refused(Command() with { TeamId = foreign.Id }, team: foreign);

        (violation.Code, violation.Field).ShouldBe(("team_not_in_community", "teamId"));
    }

    [Fact]
    public void the_area_is_required_and_free_of_personal_data()
    {
        Refused(Command(area: " ")).Code.ShouldBe("required");
        Refused(Command(area: "在 13912345678 家门口集合")).Code.ShouldBe("personal_data_not_allowed");
        Decide(Command(area: "  兰花路  ")).Area.ShouldBe("兰花路");
    }

    [Fact]
    public void an_existing_shift_id_is_a_conflict()
    {
        var violation = Refused(Command(), exists: true);

        (violation.Code, violation.Kind, violation.Field).ShouldBe(("patrol_shift_exists", ViolationKind.Conflict, "shiftId"));
    }

    [Fact]
    public void check_in_codes_are_six_digits()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => SchedulePatrolShiftDecider.NewCheckInCode()).ToList();

        codes.ShouldAllBe(c => c.Length == 6 && c.All(char.IsAsciiDigit));
        codes.Distinct().Count().ShouldBeGreaterThan(150);
    }
}
