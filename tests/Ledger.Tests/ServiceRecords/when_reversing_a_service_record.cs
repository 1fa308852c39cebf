using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.ServiceRecords;

public sealed class when_reversing_a_service_record
{
    private static readonly Activity Patrol = Build.ActivityWith("CB01", (Build.Date(2026, 1, 1), Build.TenAnHour));
    private static readonly Activity Visits =
        Build.ActivityWith("PV01", (Build.Date(2026, 1, 1), Build.FiveAVisitCappedAtFifteen));

    /// <summary>A 150-minute patrol credited 25 points on top of <paramref name="opening"/>.</summary>
    private static (ServiceRecord Record, VolunteerAccount Account) CreditedPatrol(int opening = 0)
    {
        var record = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), durationMinutes: 150);
        var account = Build.AccountHolding(opening);
        var (verified, credited) = VerifyServiceRecordDecider.Decide(record, Patrol, account, "clerk", Build.Now);
        return (record.Apply(verified), account.Apply(credited));
    }

    private static ReverseServiceRecord Reverse(ServiceRecord record,
        CorrectionReason reason = CorrectionReason.Duplicate, string note = "同一次巡防登记了两次") =>
        new(record.Id, reason, note, "clerk-li");

    [Fact]
    public void the_points_and_minutes_leave_the_account()
    {
        var (record, account) = CreditedPatrol(opening: 100);

        var (reversed, debited) = ReverseServiceRecordDecider.Decide(Reverse(record), record, account, Build.Now);

        debited.Points.ShouldBe(25);
        debited.Minutes.ShouldBe(150);
        debited.BalanceAfter.ShouldBe(125 - 25);
        debited.VolunteerId.ShouldBe(account.Id);
        debited.RecordId.ShouldBe(record.Id);
        debited.ActivityCode.ShouldBe("CB01");
        debited.Reason.ShouldBe(CorrectionReason.Duplicate);
        debited.ReversedBy.ShouldBe("clerk-li");
        reversed.RecordId.ShouldBe(record.Id);
        reversed.VolunteerId.ShouldBe(record.VolunteerId);
        reversed.Points.ShouldBe(25);
        reversed.Minutes.ShouldBe(150);
        account.Apply(debited).Available.ShouldBe(100);
        record.Apply(reversed).Status.ShouldBe(ServiceRecordStatus.Reversed);
    }

    [Fact]
    public void the_note_is_trimmed_on_both_events()
    {
        var (record, account) = CreditedPatrol();

        var (reversed, debited) = ReverseServiceRecordDecider.Decide(Reverse(record, note: "  录入错误  "), record,
            account, Build.Now);

        reversed.Note.ShouldBe("录入错误");
        debited.Note.ShouldBe("录入错误");
    }

    [Fact]
    public void the_whole_balance_can_be_taken_back()
    {
        var (record, account) = CreditedPatrol();

        ReverseServiceRecordDecider.Decide(Reverse(record), record, account, Build.Now).Debited.BalanceAfter.ShouldBe(0);
    }

    [Fact]
    public void a_reversal_the_balance_cannot_cover_is_refused()
    {
        var (record, account) = CreditedPatrol();
        // The volunteer spent part of the 25 points (here: an adjustment down to 15) before the reversal.
        account = account.Apply(AdjustPointsDecider.Decide(new AdjustPoints(account.Id, Guid.NewGuid(), -10,
            CorrectionReason.EntryError, "多记了", "clerk"), account, Build.Now));

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            ReverseServiceRecordDecider.Decide(Reverse(record), record, account, Build.Now));

        violation.Code.ShouldBe("insufficient_balance");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
        // The reversal request has no points field to blame.
        violation.Field.ShouldBeNull();
    }

    [Fact]
    public void goodwill_is_not_a_reason_to_reverse()
    {
        var (record, account) = CreditedPatrol();

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            ReverseServiceRecordDecider.Decide(Reverse(record, CorrectionReason.Goodwill), record, account, Build.Now));

        violation.Code.ShouldBe("goodwill_cannot_reverse");
        violation.Field.ShouldBe("reason");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void a_note_is_required(string note)
    {
        var (record, account) = CreditedPatrol();

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            ReverseServiceRecordDecider.Decide(Reverse(record, note: note), record, account, Build.Now));

        violation.Code.ShouldBe("required");
        violation.Field.ShouldBe("note");
    }

    [Fact]
    public void a_pending_record_is_not_credited_yet()
    {
        var pending = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), durationMinutes: 150);

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            ReverseServiceRecordDecider.Decide(Reverse(pending), pending, Build.AccountHolding(100), Build.Now));

        violation.Code.ShouldBe("record_not_credited");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void a_record_is_reversed_at_most_once()
    {
        var (record, account) = CreditedPatrol(opening: 100);
        var (reversed, debited) = ReverseServiceRecordDecider.Decide(Reverse(record), record, account, Build.Now);

        var violation = Should.Throw<LedgerRuleViolation>(() => ReverseServiceRecordDecider.Decide(Reverse(record),
            record.Apply(reversed), account.Apply(debited), Build.Now));

        violation.Code.ShouldBe("record_already_reversed");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void a_rejected_record_was_never_credited()
    {
        var pending = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), durationMinutes: 150);
        var rejected = pending.Apply(new ServiceRecordRejected(pending.Id, "不实", Build.Now, "clerk"));

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            ReverseServiceRecordDecider.Decide(Reverse(rejected), rejected, Build.AccountHolding(100), Build.Now));

        violation.Code.ShouldBe("record_rejected");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void reversing_a_capped_visit_releases_its_room_in_the_week()
    {
        var week = Build.Date(2026, 6, 8);
        var record = Build.PendingRecord("PV01", Build.Date(2026, 6, 10), occasions: 3);
        var account = Build.AccountHolding();
        var (verified, credited) = VerifyServiceRecordDecider.Decide(record, Visits, account, "clerk", Build.Now);
        record = record.Apply(verified);
        account = account.Apply(credited);
        account.CreditedInWeek("PV01", week).ShouldBe(15);

        var (_, debited) = ReverseServiceRecordDecider.Decide(Reverse(record), record, account, Build.Now);
        account = account.Apply(debited);

        debited.CapWeek.ShouldBe(week);
        account.CreditedInWeek("PV01", week).ShouldBe(0);
        var again = Build.PendingRecord("PV01", Build.Date(2026, 6, 12), occasions: 3);
        VerifyServiceRecordDecider.Decide(again, Visits, account, "clerk", Build.Now).Verified.Points.ShouldBe(15);
    }
}
