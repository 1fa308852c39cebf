using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.ServiceRecords;

public sealed class when_verifying_a_service_record
{
    private static readonly Activity Patrol = Build.ActivityWith("CB01", (Build.Date(2026, 1, 1), Build.TenAnHour));

    [Fact]
    public void the_record_and_the_account_get_matching_halves_of_the_credit()
    {
        var record = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), durationMinutes: 150);
        var account = Build.AccountHolding(40);

        var (verified, credited) = VerifyServiceRecordDecider.Decide(record, Patrol, account, "clerk-wang", Build.Now);

        verified.RecordId.ShouldBe(record.Id);
        verified.VolunteerId.ShouldBe(record.VolunteerId);
        verified.Points.ShouldBe(25);
        verified.Minutes.ShouldBe(150);
        verified.RuleId.ShouldBe("CB01.v1");
        verified.RuleVersion.ShouldBe(1);
        verified.WeeklyCapReached.ShouldBeFalse();
        verified.VerifiedBy.ShouldBe("clerk-wang");
        verified.VerifiedAt.ShouldBe(Build.Now);

        credited.VolunteerId.ShouldBe(account.Id);
        credited.RecordId.ShouldBe(record.Id);
        credited.CommunityId.ShouldBe(record.CommunityId);
        credited.ActivityCode.ShouldBe("CB01");
        credited.CategoryCode.ShouldBe("CB");
        credited.ServiceDate.ShouldBe(Build.Date(2026, 6, 10));
        credited.Points.ShouldBe(verified.Points);
        credited.Minutes.ShouldBe(verified.Minutes);
        credited.RuleId.ShouldBe(verified.RuleId);
        credited.RuleVersion.ShouldBe(verified.RuleVersion);
        credited.CreditedBy.ShouldBe("clerk-wang");
    }

    [Fact]
    public void the_balance_after_is_the_available_balance_plus_the_points()
    {
        var record = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), durationMinutes: 150);

        var (_, credited) = VerifyServiceRecordDecider.Decide(record, Patrol, Build.AccountHolding(40), "clerk-wang",
            Build.Now);

        credited.BalanceAfter.ShouldBe(40 + 25);
        Build.AccountHolding(40).Apply(credited).Available.ShouldBe(65);
    }

    [Fact]
    public void an_uncapped_rule_sets_no_cap_week()
    {
        var record = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), durationMinutes: 150);

        var (verified, credited) = VerifyServiceRecordDecider.Decide(record, Patrol, Build.AccountHolding(), "clerk",
            Build.Now);

        verified.CapWeek.ShouldBeNull();
        credited.CapWeek.ShouldBeNull();
    }

    [Fact]
    public void a_per_visit_rule_sets_the_cap_week_to_the_monday_of_the_service_week()
    {
        var visits = Build.ActivityWith("PV01", (Build.Date(2026, 1, 1), Build.FiveAVisitCappedAtFifteen));
        // 2026-06-14 is a Sunday: its week started on Monday 2026-06-08.
        var record = Build.PendingRecord("PV01", Build.Date(2026, 6, 14));

        var (verified, credited) = VerifyServiceRecordDecider.Decide(record, visits, Build.AccountHolding(), "clerk",
            Build.Now);

        verified.CapWeek.ShouldBe(Build.Date(2026, 6, 8));
        credited.CapWeek.ShouldBe(Build.Date(2026, 6, 8));
    }

    [Fact]
    public void a_record_dated_before_the_first_rule_is_refused()
    {
        var late = Build.ActivityWith("CB01", (Build.Date(2026, 3, 1), Build.TenAnHour));
        var record = Build.PendingRecord("CB01", Build.Date(2026, 2, 28), durationMinutes: 150);

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            VerifyServiceRecordDecider.Decide(record, late, Build.AccountHolding(), "clerk", Build.Now));

        violation.Code.ShouldBe("no_rule_in_force");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void verifying_a_credited_record_again_is_a_conflict()
    {
        var record = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), durationMinutes: 150);
        var (verified, _) = VerifyServiceRecordDecider.Decide(record, Patrol, Build.AccountHolding(), "clerk", Build.Now);

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            VerifyServiceRecordDecider.Decide(record.Apply(verified), Patrol, Build.AccountHolding(), "clerk", Build.Now));

        violation.Code.ShouldBe("record_already_verified");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void verifying_a_reversed_record_is_a_conflict()
    {
        var record = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), durationMinutes: 150);
        var (verified, _) = VerifyServiceRecordDecider.Decide(record, Patrol, Build.AccountHolding(), "clerk", Build.Now);
        var reversed = record.Apply(verified).Apply(new ServiceRecordReversed(record.Id, record.VolunteerId, 25, 150,
            CorrectionReason.Duplicate, "重复登记", Build.Now, "clerk"));

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            VerifyServiceRecordDecider.Decide(reversed, Patrol, Build.AccountHolding(), "clerk", Build.Now));

        // Re-verifying would credit a second time the service that was taken back.
        violation.Code.ShouldBe("record_already_verified");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void verifying_a_rejected_record_is_a_conflict()
    {
        var pending = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), durationMinutes: 150);
        var record = pending.Apply(new ServiceRecordRejected(pending.Id, "不实", Build.Now, "clerk"));

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            VerifyServiceRecordDecider.Decide(record, Patrol, Build.AccountHolding(), "clerk", Build.Now));

        violation.Code.ShouldBe("record_rejected");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }
}
