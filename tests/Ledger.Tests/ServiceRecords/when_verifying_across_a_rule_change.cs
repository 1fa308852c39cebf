using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.ServiceRecords;

public sealed class when_verifying_across_a_rule_change
{
    // Version 1: 10 points an hour; version 2 from 2026-07-01: 12 points an hour. Both records are verified
    // on the same day, after the change, so only the service date can explain a difference.
    private static readonly Activity Patrol = Build.ActivityWith("CB01",
        (Build.Date(2026, 1, 1), Build.TenAnHour), (Build.Date(2026, 7, 1), Build.TenAnHour with { Points = 12 }));

    private static (ServiceRecordVerified Verified, PointsCredited Credited) VerifyServiceOn(LocalDate date) =>
        VerifyServiceRecordDecider.Decide(Build.PendingRecord("CB01", date, durationMinutes: 150), Patrol,
            Build.AccountHolding(), "clerk-wang", Build.Now);

    [Fact]
    public void a_service_dated_before_the_change_keeps_the_old_value()
    {
        var (verified, credited) = VerifyServiceOn(Build.Date(2026, 6, 30));

        verified.Points.ShouldBe(25);
        verified.RuleId.ShouldBe("CB01.v1");
        verified.RuleVersion.ShouldBe(1);
        credited.RuleId.ShouldBe("CB01.v1");
    }

    [Fact]
    public void a_service_dated_on_or_after_the_change_gets_the_new_value()
    {
        var (verified, credited) = VerifyServiceOn(Build.Date(2026, 7, 1));

        verified.Points.ShouldBe(30);
        verified.RuleId.ShouldBe("CB01.v2");
        verified.RuleVersion.ShouldBe(2);
        credited.Points.ShouldBe(30);
        credited.RuleVersion.ShouldBe(2);
    }
}
