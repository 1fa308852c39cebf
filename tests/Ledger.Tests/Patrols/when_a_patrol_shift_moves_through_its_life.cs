using NodaTime;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Tests.Patrols;

/// <summary>The shift state machine: scheduled (check-ins, check-outs, incidents) → closed (nothing more).</summary>
public sealed class when_a_patrol_shift_moves_through_its_life
{
    private static PatrolCheckedIn CheckIn(PatrolShift shift, Guid volunteer, string? code, Instant now) =>
        CheckInToPatrolShiftDecider.Decide(new CheckInToPatrolShift(shift.Id, volunteer, code, "张晓梅"), shift,
            Patrol.Communities, now);

    private static LedgerRuleViolation Refused(Action act) => Should.Throw<LedgerRuleViolation>(act);

    [Fact]
    public void a_scheduled_shift_is_open_with_no_participants()
    {
        var shift = Patrol.Shift();

        shift.Status.ShouldBe(PatrolShiftStatus.Scheduled);
        shift.Participants.ShouldBeEmpty();
        shift.ServiceDate.ShouldBe(Build.Date(2026, 7, 6));
    }

    [Fact]
    public void a_volunteer_checks_in_with_the_code_inside_the_window()
    {
        var now = Patrol.At(10, 5);

        var checkedIn = CheckIn(Patrol.Shift(), Patrol.Zhang, Patrol.Code, now);

        checkedIn.ShouldBe(new PatrolCheckedIn(Patrol.ShiftId, Patrol.Zhang, CheckInMethod.Code, now, "张晓梅"));
    }

    [Fact]
    public void without_a_code_it_is_the_organizer_who_may_check_in_at_any_time_until_the_close()
    {
        var checkedIn = CheckIn(Patrol.Shift(), Patrol.Zhang, null, Patrol.At(20, 0));

        checkedIn.Method.ShouldBe(CheckInMethod.Organizer);
    }

    [Fact]
    public void a_wrong_code_is_refused()
    {
        var violation = Refused(() => CheckIn(Patrol.Shift(), Patrol.Zhang, "493018", Patrol.At(10, 5)));

        (violation.Code, violation.Field, violation.Kind)
            .ShouldBe(("wrong_check_in_code", "code", ViolationKind.Unprocessable));
    }

    [Fact]
    public void the_code_is_refused_before_the_window_opens()
    {
        var violation = Refused(() => CheckIn(Patrol.Shift(), Patrol.Zhang, Patrol.Code, Patrol.At(9, 59)));

        (violation.Code, violation.Field).ShouldBe(("check_in_not_yet_open", "code"));
    }

    [Fact]
    public void the_code_is_refused_once_the_planned_end_has_passed()
    {
        var violation = Refused(() => CheckIn(Patrol.Shift(), Patrol.Zhang, Patrol.Code, Patrol.At(13, 30)));

        (violation.Code, violation.Field, violation.Kind)
            .ShouldBe(("check_in_code_expired", "code", ViolationKind.Unprocessable));
    }

    [Fact]
    public void a_volunteer_cannot_check_in_twice()
    {
        var shift = Patrol.Shift().CheckedIn(Patrol.Zhang, Patrol.At(10, 0));

        var violation = Refused(() => CheckIn(shift, Patrol.Zhang, null, Patrol.At(10, 10)));

        (violation.Code, violation.Field, violation.Kind)
            .ShouldBe(("already_checked_in", "volunteerId", ViolationKind.Conflict));
    }

    [Fact]
    public void a_volunteer_of_another_community_or_none_cannot_check_in()
    {
        Refused(() => CheckIn(Patrol.Shift(), new Guid("0b000000-0000-4000-8000-000000000009"), null, Patrol.At(10, 0)))
            .Code.ShouldBe("volunteer_not_in_community");
        var unknown = Refused(() => CheckIn(Patrol.Shift(), Guid.NewGuid(), null, Patrol.At(10, 0)));
        (unknown.Code, unknown.Kind, unknown.Field).ShouldBe(("volunteer_not_found", ViolationKind.NotFound, "volunteerId"));
    }

    [Fact]
    public void a_participant_checks_out_once_and_only_after_checking_in()
    {
        var shift = Patrol.Shift().CheckedIn(Patrol.Zhang, Patrol.At(10, 0));
        var checkOut = new CheckOutOfPatrolShift(shift.Id, Patrol.Zhang, "张晓梅");

        var checkedOut = CheckOutOfPatrolShiftDecider.Decide(checkOut, shift, Patrol.At(12, 0));

        checkedOut.ShouldBe(new PatrolCheckedOut(shift.Id, Patrol.Zhang, Patrol.At(12, 0), "张晓梅"));
        Refused(() => CheckOutOfPatrolShiftDecider.Decide(checkOut, shift.Apply(checkedOut), Patrol.At(12, 5)))
            .Code.ShouldBe("already_checked_out");
        Refused(() => CheckOutOfPatrolShiftDecider.Decide(checkOut with { VolunteerId = Patrol.Li }, shift,
            Patrol.At(12, 0))).Code.ShouldBe("not_checked_in");
    }

    [Fact]
    public void a_closed_shift_refuses_every_change()
    {
        var shift = Patrol.Shift().CheckedIn(Patrol.Zhang, Patrol.At(10, 0)).Closed(Patrol.At(14, 0));
        var later = Patrol.At(14, 1);

        shift.Status.ShouldBe(PatrolShiftStatus.Closed);
        var refusals = new[]
        {
            Refused(() => CheckIn(shift, Patrol.Li, null, later)),
            Refused(() => CheckIn(shift, Patrol.Li, Patrol.Code, Patrol.At(11, 0))),
            Refused(() => CheckOutOfPatrolShiftDecider.Decide(new CheckOutOfPatrolShift(shift.Id, Patrol.Zhang, "x"),
                shift, later)),
            Refused(() => RecordPatrolIncidentDecider.Decide(new RecordPatrolIncident(shift.Id, Guid.NewGuid(),
                PatrolIncidentKind.Other, "补记", "x"), shift, later)),
            Refused(() => ClosePatrolShiftDecider.Decide(new ClosePatrolShift(shift.Id, false, "x"), shift,
                Patrol.Cb01, later))
        };
        refusals.ShouldAllBe(v => v.Code == "patrol_shift_closed" && v.Kind == ViolationKind.Conflict);
    }

    [Fact]
    public void an_incident_is_recorded_with_its_kind_and_guarded_description()
    {
        var shift = Patrol.Shift();
        var id = Guid.NewGuid();

        var recorded = RecordPatrolIncidentDecider.Decide(new RecordPatrolIncident(shift.Id, id,
            PatrolIncidentKind.DisputeMediated, "  调解两户邻里噪音纠纷  ", "李建国"), shift, Patrol.At(11, 0));

        recorded.ShouldBe(new PatrolIncidentRecorded(shift.Id, id, PatrolIncidentKind.DisputeMediated,
            "调解两户邻里噪音纠纷", Patrol.At(11, 0), "李建国"));
        Refused(() => RecordPatrolIncidentDecider.Decide(new RecordPatrolIncident(shift.Id, id,
                PatrolIncidentKind.Other, "当事人 13812345678", "李建国"), shift, Patrol.At(11, 0)))
            .Code.ShouldBe("personal_data_not_allowed");
    }
}
