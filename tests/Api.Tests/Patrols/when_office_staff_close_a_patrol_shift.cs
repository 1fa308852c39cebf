using System.Net;
using Marten;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.Patrols;

public sealed class when_office_staff_close_a_patrol_shift(AppFixture fixture) : PatrolScenarios(fixture)
{
    [Fact]
    public async Task twelve_participants_are_credited_at_once_by_the_time_they_served()
    {
        var volunteers = await RegisterVolunteers(12);
        var shift = await ScheduleShift();

        At(10, 20); // half check themselves in with the code, the organizer checks in the rest
        for (var i = 0; i < 12; i++)
            await CheckedIn(shift.ShiftId, volunteers[i], i % 2 == 0 ? shift.CheckInCode : null);
        At(12, 30);
        foreach (var v in volunteers.Take(4)) await CheckedOut(shift.ShiftId, v);
        At(13, 0);
        foreach (var v in volunteers.Skip(4).Take(4)) await CheckedOut(shift.ShiftId, v);
        At(14, 0); // the last four never check out: their time ends at the planned end, 13:30

        var closed = await Closed(shift.ShiftId, creditNow: true, actor: "clerk-wang");

        var expected = volunteers.Select((v, i) => (Volunteer: v, Minutes: i < 4 ? 120 : i < 8 ? 150 : 180,
            Points: i < 4 ? 20 : i < 8 ? 25 : 30)).ToList();
        closed.NotCredited.ShouldBeEmpty();
        closed.PersonTimes.ShouldBe(12);
        closed.Credited.Count.ShouldBe(12);
        closed.Credited.ShouldAllBe(c => c.Status == ServiceRecordStatus.Credited);
        closed.Credited.OrderBy(c => volunteers.IndexOf(c.VolunteerId))
            .Select(c => (c.VolunteerId, c.CountedMinutes, c.Points!.Value))
            .ShouldBe(expected.Select(e => (e.Volunteer, e.Minutes, e.Points)));

        var records = await RecordsOf(shift.ShiftId);
        records.Count.ShouldBe(12);
        records.ShouldAllBe(r => r.Status == ServiceRecordStatus.Credited && r.ActivityCode == "CB01"
                                 && r.ServiceDate == Today && r.VerifiedBy == "clerk-wang");
        foreach (var (volunteer, minutes, points) in expected)
        {
            var record = records.Single(r => r.VolunteerId == volunteer);
            (record.Minutes, record.Points).ShouldBe((minutes, points));
            (await Balance(volunteer)).Available.ShouldBe(points);
        }

        await using var session = Store.QuerySession();
        var credits = await session.Events.QueryRawEventDataOnly<PointsCredited>().ToListAsync();
        credits.Count(c => records.Any(r => r.Id == c.RecordId)).ShouldBe(12);
    }

    [Fact]
    public async Task the_view_shows_each_participant_with_counted_minutes_and_record()
    {
        var shift = await ScheduleShift(teamId: LanhuaTeam);
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei, shift.CheckInCode);
        await CheckedIn(shift.ShiftId, Seeded.LiJianguo);
        (await Post($"/api/patrol-shifts/{shift.ShiftId}/incidents",
            new QunTuan.Api.Patrols.RecordIncidentRequest(PatrolIncidentKind.RoadOccupationPersuaded,
                "劝导兰花路水果摊退回店内经营"))).ShouldBe(HttpStatusCode.Created);
        At(12, 0);
        await CheckedOut(shift.ShiftId, Seeded.LiJianguo);
        At(13, 30);

        var closed = await Closed(shift.ShiftId, creditNow: true);

        var view = await Shift(shift.ShiftId);
        view.Status.ShouldBe(PatrolShiftStatus.Closed);
        view.TeamId.ShouldBe(LanhuaTeam);
        view.TeamName.ShouldBe("兰花社区平安巡防队");
        view.ServiceDate.ShouldBe(Today);
        view.CheckInCode.ShouldBe(shift.CheckInCode);
        view.PersonTimes.ShouldBe(2);
        view.CreditNow.ShouldBe(true);
        view.ClosedBy.ShouldBe("clerk-li");
        var zhang = view.Participants.Single(p => p.VolunteerId == Seeded.ZhangXiaomei);
        (zhang.CheckInMethod, zhang.CheckedOutAt, zhang.CountedMinutes).ShouldBe((CheckInMethod.Code, null, 180));
        zhang.RecordId.ShouldBe(closed.Credited.Single(c => c.VolunteerId == Seeded.ZhangXiaomei).RecordId);
        var li = view.Participants.Single(p => p.VolunteerId == Seeded.LiJianguo);
        (li.CheckInMethod, li.CountedMinutes).ShouldBe((CheckInMethod.Organizer, 90));
        view.Incidents.ShouldHaveSingleItem().Kind.ShouldBe(PatrolIncidentKind.RoadOccupationPersuaded);
    }
}
