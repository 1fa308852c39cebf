using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Patrols;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.Patrols;

public sealed class when_an_organizer_closes_a_patrol_shift(AppFixture fixture) : PatrolScenarios(fixture)
{
    [Fact]
    public async Task twelve_records_wait_in_the_office_queue_and_nothing_is_credited()
    {
        var volunteers = Enumerable.Range(1, 12).Select(Seeded.Volunteer).ToList();
        var shift = await ScheduleShift(teamId: LanhuaTeam);
        foreach (var v in volunteers) await CheckedIn(shift.ShiftId, v);
        At(13, 45);

        var closed = await Closed(shift.ShiftId, creditNow: false, actor: "organizer-chen");

        closed.Credited.Count.ShouldBe(12);
        closed.Credited.ShouldAllBe(c => c.Status == ServiceRecordStatus.Pending && c.Points == null
                                         && c.CountedMinutes == 180);
        var queue = await Get<ResultPage<QueuedServiceRecord>>(
            "/api/communities/lanhua/service-records?status=pending&pageSize=100");
        var fromShift = queue.Items
            .Where(q => q.Record.Origin == new ServiceOrigin(ServiceOrigin.PatrolShift, shift.ShiftId)).ToList();
        fromShift.Count.ShouldBe(12);
        fromShift.Select(q => q.Record.VolunteerId).ShouldBe(volunteers, ignoreOrder: true);
        fromShift.ShouldAllBe(q => q.Record.DurationMinutes == 180 && q.Record.SubmittedBy == "organizer-chen");
        foreach (var v in volunteers) (await Balance(v)).Available.ShouldBe(0);

        await using var session = Store.QuerySession();
        (await session.Events.QueryRawEventDataOnly<PointsCredited>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_signed_in_organizer_may_close_but_not_credit_at_once()
    {
        // 李建国 organizes the seeded team; only office staff may credit without verification.
        var organizer = TestUsers.Organizer(Seeded.LiJianguo);
        var shift = await ScheduleShift(teamId: LanhuaTeam);
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei);
        At(13, 45);
        var before = await EventCount();

        await (await Post($"/api/patrol-shifts/{shift.ShiftId}/close", new ClosePatrolShiftRequest(CreditNow: true),
            user: organizer)).ShouldBeProblem(403, "forbidden");
        (await EventCount()).ShouldBe(before);

        var closed = await Post($"/api/patrol-shifts/{shift.ShiftId}/close", new ClosePatrolShiftRequest(CreditNow: false),
            user: organizer);
        closed.ShouldBe(System.Net.HttpStatusCode.OK);
        (await Read<PatrolShiftClosedResult>(closed)).Credited.ShouldHaveSingleItem().Status
            .ShouldBe(ServiceRecordStatus.Pending);
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(0);
    }

    [Fact]
    public async Task the_office_credits_a_queued_patrol_record_by_its_duration()
    {
        var shift = await ScheduleShift();
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei);
        At(12, 0);
        await CheckedOut(shift.ShiftId, Seeded.ZhangXiaomei);
        var closed = await Closed(shift.ShiftId, creditNow: false);

        var verified = await Verify(closed.Credited.Single().RecordId, actor: "clerk-wang");

        (verified.Minutes, verified.Points).ShouldBe((90, 15));
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(15);
    }
}
