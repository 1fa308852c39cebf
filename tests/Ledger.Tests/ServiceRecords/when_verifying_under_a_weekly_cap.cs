using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Tests.ServiceRecords;

public sealed class when_verifying_under_a_weekly_cap
{
    // 5 points a visit, at most 15 a week. The week of 2026-06-08 runs Monday 8th to Sunday 14th.
    private static readonly Activity Visits =
        Build.ActivityWith("PV01", (Build.Date(2026, 1, 1), Build.FiveAVisitCappedAtFifteen));

    private static readonly LocalDate Week = Build.Date(2026, 6, 8);

    private static (ServiceRecordVerified Verified, VolunteerAccount After) Verify(VolunteerAccount account,
        Activity activity, LocalDate serviceDate, int occasions)
    {
        var record = Build.PendingRecord(activity.Code, serviceDate, occasions: occasions);
        var (verified, credited) = VerifyServiceRecordDecider.Decide(record, activity, account, "clerk", Build.Now);
        return (verified, account.Apply(credited));
    }

    [Fact]
    public void later_visits_in_the_same_week_get_only_the_room_left()
    {
        var (first, account) = Verify(Build.AccountHolding(), Visits, Build.Date(2026, 6, 8), occasions: 2);
        var (second, _) = Verify(account, Visits, Build.Date(2026, 6, 12), occasions: 2);

        first.Points.ShouldBe(10);
        first.WeeklyCapReached.ShouldBeFalse();
        second.Points.ShouldBe(5);
        second.WeeklyCapReached.ShouldBeTrue();
    }

    [Fact]
    public void a_visit_after_the_cap_is_reached_earns_nothing_but_counts_its_minutes()
    {
        var (_, account) = Verify(Build.AccountHolding(), Visits, Build.Date(2026, 6, 9), occasions: 3);

        var (capped, after) = Verify(account, Visits, Build.Date(2026, 6, 14), occasions: 1);

        capped.Points.ShouldBe(0);
        capped.Minutes.ShouldBe(60);
        capped.WeeklyCapReached.ShouldBeTrue();
        after.Available.ShouldBe(15);
    }

    [Fact]
    public void the_account_tracks_what_was_credited_per_activity_and_week()
    {
        var (_, account) = Verify(Build.AccountHolding(), Visits, Build.Date(2026, 6, 9), occasions: 2);
        (_, account) = Verify(account, Visits, Build.Date(2026, 6, 11), occasions: 1);

        account.CreditedInWeek("PV01", Week).ShouldBe(15);
        account.CreditedInWeek("PV01", Build.Date(2026, 6, 15)).ShouldBe(0);
        account.CreditedInWeek("PV02", Week).ShouldBe(0);
    }

    [Fact]
    public void a_new_week_starts_with_the_full_cap()
    {
        var (_, account) = Verify(Build.AccountHolding(), Visits, Build.Date(2026, 6, 14), occasions: 3);

        var (monday, _) = Verify(account, Visits, Build.Date(2026, 6, 15), occasions: 3);

        monday.Points.ShouldBe(15);
        monday.CapWeek.ShouldBe(Build.Date(2026, 6, 15));
    }

    [Fact]
    public void another_capped_activity_has_its_own_cap()
    {
        var otherVisits = Build.ActivityWith("PV02", (Build.Date(2026, 1, 1), Build.FiveAVisitCappedAtFifteen));
        var (_, account) = Verify(Build.AccountHolding(), Visits, Build.Date(2026, 6, 9), occasions: 3);

        var (other, _) = Verify(account, otherVisits, Build.Date(2026, 6, 10), occasions: 3);

        other.Points.ShouldBe(15);
    }

    [Fact]
    public void uncapped_credits_in_the_week_do_not_use_up_the_cap()
    {
        var patrol = Build.ActivityWith("CB01", (Build.Date(2026, 1, 1), Build.TenAnHour));
        var record = Build.PendingRecord("CB01", Build.Date(2026, 6, 9), durationMinutes: 600);
        var (_, credited) = VerifyServiceRecordDecider.Decide(record, patrol, Build.AccountHolding(), "clerk", Build.Now);

        var (visit, _) = Verify(Build.AccountHolding().Apply(credited), Visits, Build.Date(2026, 6, 10), occasions: 3);

        visit.Points.ShouldBe(15);
    }
}
