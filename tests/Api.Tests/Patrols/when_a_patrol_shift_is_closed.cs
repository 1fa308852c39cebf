using QunTuan.Api.Patrols;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Patrols;

namespace QunTuan.Api.Tests.Patrols;

public sealed class when_a_patrol_shift_is_closed(AppFixture fixture) : PatrolScenarios(fixture)
{
    [Fact]
    public async Task it_refuses_check_ins_check_outs_incidents_and_a_second_close()
    {
        var shift = await ScheduleShift();
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei);
        At(13, 0);
        await Closed(shift.ShiftId, creditNow: true);
        var before = await EventCount();

        await (await CheckIn(shift.ShiftId, Seeded.LiJianguo)).ShouldBeProblem(409, "patrol_shift_closed");
        await (await CheckIn(shift.ShiftId, Seeded.LiJianguo, shift.CheckInCode))
            .ShouldBeProblem(409, "patrol_shift_closed");
        await (await CheckOut(shift.ShiftId, Seeded.ZhangXiaomei)).ShouldBeProblem(409, "patrol_shift_closed");
        await (await Post($"/api/patrol-shifts/{shift.ShiftId}/incidents",
                new RecordIncidentRequest(PatrolIncidentKind.HazardFound, "3号楼消防通道堆放杂物")))
            .ShouldBeProblem(409, "patrol_shift_closed");
        await (await Close(shift.ShiftId, creditNow: true)).ShouldBeProblem(409, "patrol_shift_closed");
        await (await Close(shift.ShiftId, creditNow: false)).ShouldBeProblem(409, "patrol_shift_closed");

        (await EventCount()).ShouldBe(before);
        (await RecordsOf(shift.ShiftId)).Count.ShouldBe(1);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(25);
    }

    [Fact]
    public async Task two_closes_at_the_same_moment_credit_once()
    {
        var shift = await ScheduleShift();
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei);
        await CheckedIn(shift.ShiftId, Seeded.LiJianguo);
        At(13, 30);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Close(shift.ShiftId, creditNow: true,
            actor: $"clerk-{i}")));

        attempts.Count(r => r.IsSuccessStatusCode).ShouldBe(1);
        foreach (var loser in attempts.Where(r => !r.IsSuccessStatusCode))
            await loser.ShouldBeProblem(409, "patrol_shift_closed");
        (await RecordsOf(shift.ShiftId)).Count.ShouldBe(2);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(30);
    }

    [Fact]
    public async Task a_credited_patrol_record_is_corrected_by_the_existing_reversal()
    {
        var shift = await ScheduleShift();
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei);
        At(13, 30);
        var closed = await Closed(shift.ShiftId, creditNow: true);

        var response = await Post($"/api/service-records/{closed.Credited.Single().RecordId}/reversal",
            new QunTuan.Api.ServiceRecords.ReverseServiceRecordRequest(
                QunTuan.Ledger.Volunteers.CorrectionReason.EntryError, "当天未参加巡防 / did not patrol that day"));

        response.ShouldBe(System.Net.HttpStatusCode.OK);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(0);
        (await Shift(shift.ShiftId)).Status.ShouldBe(PatrolShiftStatus.Closed);
    }
}
