using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Patrols;

namespace QunTuan.Api.Tests.Patrols;

public sealed class when_a_patrol_is_cut_short_or_left_open(AppFixture fixture) : PatrolScenarios(fixture)
{
    [Fact]
    public async Task a_missing_check_out_is_capped_at_the_planned_end()
    {
        var shift = await ScheduleShift();
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei);
        At(22, 0); // closed hours after the planned end of 13:30

        var closed = await Closed(shift.ShiftId, creditNow: true);

        var credit = closed.Credited.ShouldHaveSingleItem();
        (credit.CountedMinutes, credit.Points).ShouldBe((180, 30));
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(30);
    }

    [Fact]
    public async Task a_shift_closed_early_counts_up_to_the_close()
    {
        var shift = await ScheduleShift();
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei);
        At(12, 10); // called off for the weather

        var closed = await Closed(shift.ShiftId, creditNow: true);

        (closed.Credited.ShouldHaveSingleItem().CountedMinutes).ShouldBe(100);
    }

    [Fact]
    public async Task a_participant_below_the_minimum_is_listed_as_not_credited_and_gets_no_record()
    {
        var shift = await ScheduleShift();
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei);
        At(12, 45);
        await CheckedIn(shift.ShiftId, Seeded.LiJianguo); // 45 minutes before the planned end
        At(14, 0);

        var closed = await Closed(shift.ShiftId, creditNow: true);

        closed.Credited.ShouldHaveSingleItem().VolunteerId.ShouldBe(Seeded.ZhangXiaomei);
        var missed = closed.NotCredited.ShouldHaveSingleItem();
        (missed.VolunteerId, missed.CountedMinutes, missed.MinimumMinutes, missed.Reason)
            .ShouldBe((Seeded.LiJianguo, 45, 60, PatrolNotCreditedReason.BelowMinimum));
        (await RecordsOf(shift.ShiftId)).ShouldHaveSingleItem().VolunteerId.ShouldBe(Seeded.ZhangXiaomei);
        (await Balance(Seeded.LiJianguo)).Available.ShouldBe(0);
        var li = (await Shift(shift.ShiftId)).Participants.Single(p => p.VolunteerId == Seeded.LiJianguo);
        (li.CountedMinutes, li.RecordId, li.NotCredited).ShouldBe((45, null, PatrolNotCreditedReason.BelowMinimum));
    }

    [Fact]
    public async Task time_before_the_planned_start_does_not_count()
    {
        var shift = await ScheduleShift();
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei); // 10:00, half an hour early
        At(11, 20);
        await CheckedOut(shift.ShiftId, Seeded.ZhangXiaomei); // 50 minutes of the plan, 80 on site

        var closed = await Closed(shift.ShiftId, creditNow: true);

        closed.Credited.ShouldBeEmpty();
        closed.NotCredited.ShouldHaveSingleItem().CountedMinutes.ShouldBe(50);
    }
}
