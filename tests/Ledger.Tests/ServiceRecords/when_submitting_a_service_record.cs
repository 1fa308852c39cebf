using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.ServiceRecords;

public sealed class when_submitting_a_service_record
{
    // 16:30 UTC on 22 November is 00:30 on Monday 23 November in Shanghai.
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 22, 16, 30);
    private static readonly LocalDate ShanghaiToday = Build.Date(2026, 11, 23);

    private static readonly Guid Meilin = new("0a000000-0000-4000-8000-000000000002");
    private static readonly VolunteerAccount Volunteer = Build.AccountHolding(communityId: Meilin);
    private static readonly Activity Patrol = Build.ActivityWith("CB01", (Build.Date(2025, 1, 1), Build.TenAnHour));

    private static SubmitServiceRecord Submit(LocalDate serviceDate, int? minutes = 150, string? note = null) =>
        new(Guid.NewGuid(), Volunteer.Id, "cb01", serviceDate, minutes, 1, note, VerifyNow: false, "张晓梅");

    private static ServiceRecordSubmitted Decide(SubmitServiceRecord command, Activity? activity = null,
        Instant? now = null, bool recordExists = false) =>
        SubmitServiceRecordDecider.Decide(command, recordExists, Volunteer, activity ?? Patrol, now ?? Now);

    [Fact]
    public void the_record_belongs_to_the_volunteers_community_and_waits_for_verification()
    {
        var command = Submit(ShanghaiToday.PlusDays(-2), note: "周六上午巡防");

        var submitted = Decide(command);

        submitted.RecordId.ShouldBe(command.RecordId);
        submitted.CommunityId.ShouldBe(Meilin);
        submitted.VolunteerId.ShouldBe(Volunteer.Id);
        submitted.ActivityCode.ShouldBe("CB01");
        submitted.ServiceDate.ShouldBe(ShanghaiToday.PlusDays(-2));
        submitted.DurationMinutes.ShouldBe(150);
        submitted.Occasions.ShouldBe(1);
        submitted.SubmittedAt.ShouldBe(Now);
        submitted.SubmittedBy.ShouldBe("张晓梅");
        ServiceRecord.Create(submitted).Status.ShouldBe(ServiceRecordStatus.Pending);
    }

    [Fact]
    public void today_in_shanghai_is_accepted_even_while_it_is_still_yesterday_in_utc()
    {
        Decide(Submit(ShanghaiToday)).ServiceDate.ShouldBe(ShanghaiToday);
    }

    [Fact]
    public void a_service_date_after_today_in_shanghai_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Decide(Submit(ShanghaiToday.PlusDays(1))));

        violation.Code.ShouldBe("service_date_in_future");
        violation.Field.ShouldBe("serviceDate");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void one_second_before_shanghai_midnight_the_next_day_is_still_in_the_future()
    {
        var justBeforeMidnight = Instant.FromUtc(2026, 11, 22, 15, 59, 59);

        Should.Throw<LedgerRuleViolation>(() => Decide(Submit(ShanghaiToday), now: justBeforeMidnight))
            .Code.ShouldBe("service_date_in_future");
    }

    [Fact]
    public void a_service_366_days_old_can_still_be_caught_up()
    {
        Decide(Submit(Build.Date(2025, 11, 22))).ServiceDate.ShouldBe(ShanghaiToday.PlusDays(-366));
    }

    [Fact]
    public void a_service_older_than_366_days_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Decide(Submit(Build.Date(2025, 11, 21))));

        violation.Code.ShouldBe("service_date_too_old");
        violation.Field.ShouldBe("serviceDate");
    }

    [Fact]
    public void a_service_dated_before_any_rule_was_in_force_is_refused()
    {
        var newActivity = Build.ActivityWith("CB01", (Build.Date(2026, 11, 1), Build.TenAnHour));

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            Decide(Submit(Build.Date(2026, 10, 31)), activity: newActivity));

        violation.Code.ShouldBe("no_rule_in_force");
        violation.Field.ShouldBe("serviceDate");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void an_existing_record_id_is_a_conflict()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            Decide(Submit(ShanghaiToday), recordExists: true));

        violation.Code.ShouldBe("record_exists");
        violation.Field.ShouldBe("recordId");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void a_service_that_could_never_be_credited_is_refused_at_submission()
    {
        Should.Throw<LedgerRuleViolation>(() => Decide(Submit(ShanghaiToday, minutes: 30)))
            .Code.ShouldBe("duration_below_minimum");
    }

    [Theory]
    [InlineData("巡防时联系我13812345678")]
    [InlineData("身份证11010519491231002X")]
    [InlineData("身份证 110105194912310021 已核对")]
    public void a_note_with_a_phone_or_id_number_is_refused(string note)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() => Decide(Submit(ShanghaiToday, note: note)));

        violation.Code.ShouldBe("personal_data_not_allowed");
        violation.Field.ShouldBe("note");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void the_note_is_trimmed()
    {
        Decide(Submit(ShanghaiToday, note: "  夜间巡防，天气寒冷 \n")).Note.ShouldBe("夜间巡防，天气寒冷");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void a_missing_or_blank_note_is_stored_as_none(string? note)
    {
        Decide(Submit(ShanghaiToday, note: note)).Note.ShouldBeNull();
    }
}
