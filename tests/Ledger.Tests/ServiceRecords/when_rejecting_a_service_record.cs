using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.ServiceRecords;

public sealed class when_rejecting_a_service_record
{
    private static readonly ServiceRecord Pending = Build.PendingRecord("CB01", Build.Date(2026, 6, 10), 150);

    private static readonly ServiceRecord Credited = Pending.Apply(new ServiceRecordVerified(Pending.Id,
        Pending.VolunteerId, 25, 150, "CB01.v1", 1, null, false, Build.Now, "clerk"));

    private static RejectServiceRecord Reject(string reason) => new(Pending.Id, reason, "clerk-wang");

    [Fact]
    public void a_pending_record_is_rejected_with_the_trimmed_reason()
    {
        var rejected = RejectServiceRecordDecider.Decide(Reject("  当天无巡防安排 "), Pending, Build.Now);

        rejected.RecordId.ShouldBe(Pending.Id);
        rejected.Reason.ShouldBe("当天无巡防安排");
        rejected.RejectedBy.ShouldBe("clerk-wang");
        rejected.RejectedAt.ShouldBe(Build.Now);
        Pending.Apply(rejected).Status.ShouldBe(ServiceRecordStatus.Rejected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void a_reason_is_required(string reason)
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RejectServiceRecordDecider.Decide(Reject(reason), Pending, Build.Now));

        violation.Code.ShouldBe("required");
        violation.Field.ShouldBe("reason");
        violation.Kind.ShouldBe(ViolationKind.Unprocessable);
    }

    [Fact]
    public void a_reason_holding_a_phone_number_is_refused()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RejectServiceRecordDecider.Decide(Reject("请联系13812345678核实"), Pending, Build.Now));

        violation.Code.ShouldBe("personal_data_not_allowed");
        violation.Field.ShouldBe("reason");
    }

    [Fact]
    public void a_credited_record_cannot_be_rejected()
    {
        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RejectServiceRecordDecider.Decide(Reject("不实"), Credited, Build.Now));

        violation.Code.ShouldBe("record_already_verified");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void a_reversed_record_cannot_be_rejected()
    {
        var reversed = Credited.Apply(new ServiceRecordReversed(Pending.Id, Pending.VolunteerId, 25, 150,
            CorrectionReason.Fraud, "虚假服务", Build.Now, "clerk"));

        Should.Throw<LedgerRuleViolation>(() => RejectServiceRecordDecider.Decide(Reject("不实"), reversed, Build.Now))
            .Code.ShouldBe("record_already_verified");
    }

    [Fact]
    public void a_rejected_record_cannot_be_rejected_again()
    {
        var rejected = Pending.Apply(RejectServiceRecordDecider.Decide(Reject("不实"), Pending, Build.Now));

        var violation = Should.Throw<LedgerRuleViolation>(() =>
            RejectServiceRecordDecider.Decide(Reject("不实"), rejected, Build.Now));

        violation.Code.ShouldBe("record_rejected");
        violation.Kind.ShouldBe(ViolationKind.Conflict);
    }
}
