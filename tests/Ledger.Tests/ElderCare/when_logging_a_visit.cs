using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.ElderCare;

public sealed class when_logging_a_visit
{
    private static readonly LocalDate Today = Build.Date(2026, 7, 6);
    private static readonly Guid VisitId = new("0e000000-0000-4000-8000-000000000001");
    private static readonly PointRule FiveAVisit = new(PointRuleKind.PerVisit, 5, 20, WeeklyCap: 20);
    private static readonly Activity Pv01 = Build.ActivityWith("PV01", (Build.Date(2026, 1, 1), FiveAVisit));

    private static LogElderVisit Visit(Guid? volunteer = null, LocalDate? date = null, int minutes = 30,
        Wellbeing wellbeing = Wellbeing.Ok, string? note = " 聊天、量血压 ") =>
        new(Elders.Wu, VisitId, volunteer ?? Elders.Member, date ?? Today, minutes, note, wellbeing, "张晓梅");

    private static VisitPlan Decide(LogElderVisit visit, Elder? elder = null, bool creditedThatDay = false,
        Activity? activity = null) =>
        LogElderVisitDecider.Decide(visit, elder ?? Elders.WithThreeHelpers(), activity ?? Pv01, creditedThatDay,
            Build.Now);

    private static LedgerRuleViolation Refused(LogElderVisit visit, Elder? elder = null, Activity? activity = null) =>
        Should.Throw<LedgerRuleViolation>(() => Decide(visit, elder, activity: activity));

    /// <summary>What the crediting path answers for the planned record.</summary>
    private static RecordCredited Credited(VisitPlan plan, int points, bool capReached)
    {
        var record = plan.RecordId!.Value;
        return new RecordCredited(
            new ServiceRecordVerified(record, plan.VolunteerId, points, plan.Minutes, "PV01.v1", 1,
                ShanghaiCalendar.WeekStart(plan.VisitDate), capReached, Build.Now, "张晓梅"),
            new QunTuan.Ledger.Volunteers.PointsCredited(plan.VolunteerId, record, Build.Lanhua, "PV01", "PV",
                plan.VisitDate, points, plan.Minutes, "PV01.v1", 1, ShanghaiCalendar.WeekStart(plan.VisitDate),
                points, Build.Now, "张晓梅"));
    }

    [Fact]
    public void a_paired_helpers_first_visit_of_the_day_plans_that_days_record()
    {
        var plan = Decide(Visit());

        plan.Role.ShouldBe(HelperRole.GridMember);
        plan.Note.ShouldBe("聊天、量血压");
        plan.CommunityId.ShouldBe(Build.Lanhua);
        plan.RecordId.ShouldBe(ElderCareIds.VisitRecord(Elders.Wu, Elders.Member, Today));
    }

    [Fact]
    public void the_days_record_id_is_one_per_elder_helper_and_date()
    {
        var record = ElderCareIds.VisitRecord(Elders.Wu, Elders.Member, Today);

        ElderCareIds.VisitRecord(Elders.Wu, Elders.Member, Today).ShouldBe(record);
        ElderCareIds.VisitRecord(Elders.Wu, Elders.Member, Today.PlusDays(-1)).ShouldNotBe(record);
        ElderCareIds.VisitRecord(Elders.Wu, Elders.Leader, Today).ShouldNotBe(record);
        ElderCareIds.VisitRecord(Elders.Leader, Elders.Member, Today).ShouldNotBe(record);
    }

    [Fact]
    public void a_credited_visit_records_the_record_and_its_points()
    {
        var plan = Decide(Visit());

        var outcome = LogElderVisitDecider.Complete(plan, Credited(plan, 5, false), Build.Now);

        outcome.Logged.ShouldBe(new ElderVisitLogged(Elders.Wu, VisitId, Elders.Member, HelperRole.GridMember, Today, 30,
            "聊天、量血压", Wellbeing.Ok, plan.RecordId, 5, null, null, Build.Now, "张晓梅"));
        outcome.Alert.ShouldBeNull();
    }

    [Fact]
    public void a_second_visit_that_day_plans_no_record_and_says_why()
    {
        var plan = Decide(Visit(), creditedThatDay: true);

        var outcome = LogElderVisitDecider.Complete(plan, null, Build.Now);

        plan.RecordId.ShouldBeNull();
        outcome.Logged.RecordId.ShouldBeNull();
        outcome.Logged.Points.ShouldBe(0);
        outcome.Logged.Reason.ShouldBe(VisitCreditReason.AlreadyCreditedToday);
    }

    [Fact]
    public void a_visit_over_the_weekly_cap_keeps_its_zero_point_record_and_says_why()
    {
        var plan = Decide(Visit());

        var outcome = LogElderVisitDecider.Complete(plan, Credited(plan, 0, true), Build.Now);

        outcome.Logged.RecordId.ShouldBe(plan.RecordId);
        outcome.Logged.Points.ShouldBe(0);
        outcome.Logged.Reason.ShouldBe(VisitCreditReason.WeeklyCapReached);
    }

    [Theory]
    [InlineData(Wellbeing.Emergency, AlertSeverity.Emergency)]
    [InlineData(Wellbeing.NeedsHelp, AlertSeverity.NeedsHelp)]
    public void an_elder_not_well_raises_an_alert_of_matching_severity(Wellbeing wellbeing, AlertSeverity severity)
    {
        var plan = Decide(Visit(wellbeing: wellbeing, note: "跌倒"));

        var outcome = LogElderVisitDecider.Complete(plan, Credited(plan, 5, false), Build.Now);

        var alertId = ElderCareIds.VisitAlert(VisitId);
        outcome.Logged.AlertId.ShouldBe(alertId);
        outcome.Alert.ShouldBe(new ElderAlertRaised(alertId, Elders.Wu, Build.Lanhua, VisitId, Elders.Member, severity,
            Today, "跌倒", Build.Now, "张晓梅"));
    }

    [Fact]
    public void a_volunteer_never_paired_is_refused()
    {
        var violation = Refused(Visit(Elders.Spare));

        violation.Code.ShouldBe("not_paired");
        violation.Field.ShouldBe("volunteerId");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void a_helper_no_longer_paired_on_that_date_is_refused_but_earlier_dates_are_theirs()
    {
        var elder = Elders.WithThreeHelpers(daysAgo: 10)
            .Apply(new ElderHelperUnpaired(Elders.Wu, Elders.Member, HelperRole.GridMember, Elders.Day(-2), "office"));

        Refused(Visit(date: Today), elder).Code.ShouldBe("not_paired");
        Refused(Visit(date: Today.PlusDays(-2)), elder).Code.ShouldBe("not_paired");
        Decide(Visit(date: Today.PlusDays(-3)), elder).Role.ShouldBe(HelperRole.GridMember);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    [InlineData(-5)]
    public void minutes_must_be_between_1_and_600(int minutes)
    {
        var violation = Refused(Visit(minutes: minutes));

        violation.Code.ShouldBe("minutes_out_of_range");
        violation.Field.ShouldBe("minutes");
    }

    [Fact]
    public void six_hundred_minutes_and_one_minute_are_fine()
    {
        Decide(Visit(minutes: 600)).Minutes.ShouldBe(600);
        Decide(Visit(minutes: 1)).Minutes.ShouldBe(1);
    }

    [Theory]
    [InlineData(1, "visit_date_in_future")]
    [InlineData(-367, "visit_date_too_old")]
    public void the_date_is_not_future_and_within_a_year(int offset, string code)
    {
        var violation = Refused(Visit(date: Today.PlusDays(offset)), Elders.WithThreeHelpers(daysAgo: 400));

        violation.Code.ShouldBe(code);
        violation.Field.ShouldBe("visitDate");
    }

    [Fact]
    public void a_date_366_days_back_is_still_accepted()
    {
        var sinceLongAgo = Build.ActivityWith("PV01", (Build.Date(2025, 1, 1), FiveAVisit));

        Decide(Visit(date: Today.PlusDays(-366)), Elders.WithThreeHelpers(daysAgo: 400), activity: sinceLongAgo)
            .VisitDate.ShouldBe(Today.PlusDays(-366));
    }

    [Fact]
    public void a_note_with_a_phone_number_is_refused()
    {
        var violation = Refused(Visit(note: "女儿电话 13812345678"));

        violation.Code.ShouldBe("personal_data_not_allowed");
        violation.Field.ShouldBe("note");
    }

    [Fact]
    public void a_visit_before_any_pv01_rule_or_without_pv01_is_refused()
    {
        var later = Build.ActivityWith("PV01", (Today.PlusDays(1), FiveAVisit));

        Refused(Visit(), activity: later).Code.ShouldBe("no_rule_in_force");
        Should.Throw<LedgerRuleViolation>(() =>
                LogElderVisitDecider.Decide(Visit(), Elders.WithThreeHelpers(), null, false, Build.Now))
            .Field.ShouldBe("visitDate");
    }

    [Fact]
    public void a_wellbeing_outside_the_three_is_refused()
    {
        Refused(Visit(wellbeing: (Wellbeing)5)).Code.ShouldBe("invalid_wellbeing");
    }
}
