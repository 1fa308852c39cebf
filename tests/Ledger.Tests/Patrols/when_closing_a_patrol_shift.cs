using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Patrols;

public sealed class when_closing_a_patrol_shift
{
    private static PatrolShiftClosed Close(PatrolShift shift, int hour, int minute, bool creditNow = true,
        Activity? activity = null) =>
        ClosePatrolShiftDecider.Decide(new ClosePatrolShift(shift.Id, creditNow, "clerk-wang"), shift,
            activity ?? Patrol.Cb01, Patrol.At(hour, minute));

    [Fact]
    public void each_participant_gets_counted_minutes_and_a_record_in_volunteer_id_order()
    {
        var shift = Patrol.Shift()
            .CheckedIn(Patrol.Wang, Patrol.At(10, 0))
            .CheckedIn(Patrol.Zhang, Patrol.At(10, 0))
            .CheckedIn(Patrol.Li, Patrol.At(11, 0))
            .CheckedOut(Patrol.Zhang, Patrol.At(12, 0));

        var closed = Close(shift, 14, 0);

        closed.ShiftId.ShouldBe(shift.Id);
        (closed.CreditNow, closed.MinimumMinutes, closed.ClosedAt, closed.ClosedBy)
            .ShouldBe((true, 60, Patrol.At(14, 0), "clerk-wang"));
        closed.Participants.ShouldBe([
            new PatrolParticipantOutcome(Patrol.Zhang, 90, shift.RecordIdFor(Patrol.Zhang), null),
            new PatrolParticipantOutcome(Patrol.Li, 150, shift.RecordIdFor(Patrol.Li), null),
            new PatrolParticipantOutcome(Patrol.Wang, 180, shift.RecordIdFor(Patrol.Wang), null)
        ]);
    }

    [Fact]
    public void a_participant_below_the_minimum_is_not_credited_and_has_no_record()
    {
        var shift = Patrol.Shift()
            .CheckedIn(Patrol.Zhang, Patrol.At(12, 31))
            .CheckedIn(Patrol.Li, Patrol.At(12, 30));

        var closed = Close(shift, 13, 30);

        closed.Participants.ShouldBe([
            new PatrolParticipantOutcome(Patrol.Zhang, 59, null, PatrolNotCreditedReason.BelowMinimum),
            new PatrolParticipantOutcome(Patrol.Li, 60, shift.RecordIdFor(Patrol.Li), null)
        ]);
    }

    [Fact]
    public void the_minimum_is_the_one_in_force_on_the_service_date()
    {
        var raised = Build.ActivityWith("CB01", (Build.Date(2026, 1, 1), Build.TenAnHour),
            (Build.Date(2026, 7, 1), Build.TenAnHour with { MinimumMinutes = 120 }));
        var shift = Patrol.Shift().CheckedIn(Patrol.Zhang, Patrol.At(10, 0));

        var closed = Close(shift, 12, 0, activity: raised);

        closed.MinimumMinutes.ShouldBe(120);
        closed.Participants.ShouldHaveSingleItem().NotCredited.ShouldBe(PatrolNotCreditedReason.BelowMinimum);
    }

    [Fact]
    public void a_shift_nobody_joined_closes_with_no_participants()
    {
        Close(Patrol.Shift(), 14, 0).Participants.ShouldBeEmpty();
    }

    [Fact]
    public void record_ids_are_fixed_by_shift_and_volunteer()
    {
        var shift = Patrol.Shift();
        var other = PatrolShift.Create(Patrol.Scheduled() with { ShiftId = Guid.NewGuid() });

        shift.RecordIdFor(Patrol.Zhang).ShouldBe(Patrol.Shift().RecordIdFor(Patrol.Zhang));
        shift.RecordIdFor(Patrol.Zhang).ShouldNotBe(shift.RecordIdFor(Patrol.Li));
        shift.RecordIdFor(Patrol.Zhang).ShouldNotBe(other.RecordIdFor(Patrol.Zhang));
    }

    [Fact]
    public void the_record_is_a_duration_record_of_the_service_date_with_the_shift_as_origin()
    {
        var shift = Patrol.Shift().CheckedIn(Patrol.Zhang, Patrol.At(10, 0));
        var outcome = Close(shift, 14, 0).Participants.Single();

        var record = ClosePatrolShiftDecider.RecordFor(shift, outcome, creditNow: false, "organizer-chen");

        (record.RecordId, record.VolunteerId, record.ActivityCode, record.ServiceDate, record.DurationMinutes,
                record.Occasions, record.VerifyNow, record.Actor)
            .ShouldBe((shift.RecordIdFor(Patrol.Zhang), Patrol.Zhang, "CB01", Build.Date(2026, 7, 6), (int?)180, 1,
                false, "organizer-chen"));
        record.Origin.ShouldBe(new ServiceOrigin(ServiceOrigin.PatrolShift, shift.Id));
        PointValuation.Value(Build.TenAnHour, record.DurationMinutes, record.Occasions, 0).Points.ShouldBe(30);
    }

    [Fact]
    public void closing_needs_a_rule_in_force_on_the_service_date()
    {
        var none = Build.ActivityWith("CB01", (Build.Date(2026, 8, 1), Build.TenAnHour));

        Should.Throw<LedgerRuleViolation>(() => Close(Patrol.Shift(), 14, 0, activity: none))
            .Code.ShouldBe("no_rule_in_force");
    }
}
