using System.Net;
using QunTuan.Api.Patrols;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Projections.Patrols;

namespace QunTuan.Api.Tests.Patrols;

/// <summary>The self check-in code proves presence, so only staff may read it and volunteers must present it.</summary>
public sealed class when_a_volunteer_looks_for_the_code(AppFixture fixture) : PatrolScenarios(fixture)
{
    [Fact]
    public async Task the_shift_shows_it_to_staff_and_hides_it_from_volunteers()
    {
        var shift = await ScheduleShift(teamId: LanhuaTeam);

        (await Shift(shift.ShiftId)).CheckInCode.ShouldBe(shift.CheckInCode);
        (await GetAs<PatrolShiftView>(TestUsers.Organizer(Seeded.LiJianguo), $"/api/patrol-shifts/{shift.ShiftId}"))
            .CheckInCode.ShouldBe(shift.CheckInCode); // 李建国 organizes the seeded team
        (await GetAs<PatrolShiftView>(TestUsers.Volunteer(Seeded.ZhangXiaomei), $"/api/patrol-shifts/{shift.ShiftId}"))
            .CheckInCode.ShouldBe("******");
    }

    [Fact]
    public async Task a_volunteer_cannot_check_in_without_it_or_check_in_someone_else()
    {
        var shift = await ScheduleShift();
        var zhang = TestUsers.Volunteer(Seeded.ZhangXiaomei);

        await (await Post($"/api/patrol-shifts/{shift.ShiftId}/check-ins", new CheckInRequest(Seeded.ZhangXiaomei),
            user: zhang)).ShouldBeProblem(403, "forbidden");
        await (await Post($"/api/patrol-shifts/{shift.ShiftId}/check-ins",
                new CheckInRequest(Seeded.LiJianguo, shift.CheckInCode), user: zhang))
            .ShouldBeProblem(404, "patrol_shift_not_found");
        (await Post($"/api/patrol-shifts/{shift.ShiftId}/check-ins",
            new CheckInRequest(Seeded.ZhangXiaomei, shift.CheckInCode), user: zhang)).ShouldBe(HttpStatusCode.Created);
    }
}
