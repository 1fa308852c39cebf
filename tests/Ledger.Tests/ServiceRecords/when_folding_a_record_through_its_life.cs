using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.ServiceRecords;

public sealed class when_folding_a_record_through_its_life
{
    private static readonly ServiceRecordSubmitted Submitted =
        Build.Submitted("PV01", Build.Date(2026, 6, 11), durationMinutes: null, occasions: 2);

    private static readonly ServiceRecordVerified Verified = new(Submitted.RecordId, Submitted.VolunteerId, 10, 120,
        "PV01.v1", 1, Build.Date(2026, 6, 8), false, Build.Now, "clerk-wang");

    [Fact]
    public void a_submitted_record_is_pending_and_worth_nothing_yet()
    {
        var record = ServiceRecord.Create(Submitted);

        record.Status.ShouldBe(ServiceRecordStatus.Pending);
        record.Points.ShouldBe(0);
        record.Minutes.ShouldBe(0);
        record.CapWeek.ShouldBeNull();
        record.Id.ShouldBe(Submitted.RecordId);
        record.ActivityCode.ShouldBe("PV01");
        record.Occasions.ShouldBe(2);
    }

    [Fact]
    public void a_verified_record_is_credited_with_the_value_it_was_given()
    {
        var record = ServiceRecord.Create(Submitted).Apply(Verified);

        record.Status.ShouldBe(ServiceRecordStatus.Credited);
        record.Points.ShouldBe(10);
        record.Minutes.ShouldBe(120);
        record.CapWeek.ShouldBe(Build.Date(2026, 6, 8));
    }

    [Fact]
    public void a_rejected_record_is_rejected()
    {
        ServiceRecord.Create(Submitted)
            .Apply(new ServiceRecordRejected(Submitted.RecordId, "重复登记", Build.Now, "clerk-wang"))
            .Status.ShouldBe(ServiceRecordStatus.Rejected);
    }

    [Fact]
    public void a_reversed_record_is_reversed()
    {
        ServiceRecord.Create(Submitted).Apply(Verified)
            .Apply(new ServiceRecordReversed(Submitted.RecordId, Submitted.VolunteerId, 10, 120,
                CorrectionReason.Duplicate, "重复登记", Build.Now, "clerk-wang"))
            .Status.ShouldBe(ServiceRecordStatus.Reversed);
    }
}
