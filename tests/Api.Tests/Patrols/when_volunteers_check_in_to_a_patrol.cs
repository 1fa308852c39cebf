using System.Net;
using QunTuan.Api.Communities;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.Patrols;

public sealed class when_volunteers_check_in_to_a_patrol(AppFixture fixture) : PatrolScenarios(fixture)
{
    [Fact]
    public async Task the_right_code_inside_the_window_checks_the_volunteer_in()
    {
        var shift = await ScheduleShift();

        var response = await CheckIn(shift.ShiftId, Seeded.ZhangXiaomei, shift.CheckInCode);

        response.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/patrol-shifts/{shift.ShiftId}");
        var checkedIn = await Read<PatrolCheckedIn>(response);
        (checkedIn.VolunteerId, checkedIn.Method, checkedIn.CheckedInAt).ShouldBe(
            (Seeded.ZhangXiaomei, CheckInMethod.Code, App.Clock.GetCurrentInstant()));
        (await Shift(shift.ShiftId)).Participants.ShouldHaveSingleItem().VolunteerId.ShouldBe(Seeded.ZhangXiaomei);
    }

    [Fact]
    public async Task the_code_is_six_random_digits()
    {
        var codes = new List<string>();
        for (var i = 0; i < 5; i++) codes.Add((await ScheduleShift()).CheckInCode);

        codes.ShouldAllBe(c => c.Length == 6 && c.All(char.IsAsciiDigit));
        codes.Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task a_wrong_code_is_refused_and_writes_nothing()
    {
        var shift = await ScheduleShift();
        var wrong = shift.CheckInCode == "000000" ? "000001" : "000000";
        var before = await EventCount();

        await (await CheckIn(shift.ShiftId, Seeded.ZhangXiaomei, wrong))
            .ShouldBeProblem(422, "wrong_check_in_code", "code");

        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task the_code_has_expired_at_the_planned_end_but_the_organizer_can_still_check_in()
    {
        var shift = await ScheduleShift();
        At(13, 30);
        var before = await EventCount();

        await (await CheckIn(shift.ShiftId, Seeded.ZhangXiaomei, shift.CheckInCode))
            .ShouldBeProblem(422, "check_in_code_expired", "code");
        (await EventCount()).ShouldBe(before);

        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei);
    }

    [Fact]
    public async Task the_code_does_not_work_until_half_an_hour_before_the_start()
    {
        var shift = await ScheduleShift(Start + NodaTime.Duration.FromHours(2), End + NodaTime.Duration.FromHours(2));

        At(11, 59); // the shift starts at 12:30
        await (await CheckIn(shift.ShiftId, Seeded.ZhangXiaomei, shift.CheckInCode))
            .ShouldBeProblem(422, "check_in_not_yet_open", "code");
        At(12, 0);
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei, shift.CheckInCode);
    }

    [Fact]
    public async Task a_second_check_in_of_the_same_volunteer_is_a_conflict()
    {
        var shift = await ScheduleShift();
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei, shift.CheckInCode);
        var before = await EventCount();

        await (await CheckIn(shift.ShiftId, Seeded.ZhangXiaomei, shift.CheckInCode))
            .ShouldBeProblem(409, "already_checked_in", "volunteerId");
        await (await CheckIn(shift.ShiftId, Seeded.ZhangXiaomei))
            .ShouldBeProblem(409, "already_checked_in", "volunteerId");

        (await EventCount()).ShouldBe(before);
        (await Shift(shift.ShiftId)).PersonTimes.ShouldBe(1);
    }

    [Fact]
    public async Task a_volunteer_of_another_community_cannot_join()
    {
        var outsider = await ForeignCommunityWithVolunteer();
        var shift = await ScheduleShift();

        await (await CheckIn(shift.ShiftId, outsider, shift.CheckInCode))
            .ShouldBeProblem(422, "volunteer_not_in_community", "volunteerId");
    }
}
