using System.Net;
using Marten;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Tests.Patrols;
using QunTuan.Ledger.Patrols;

namespace QunTuan.Api.Tests.Concurrency;

public sealed class when_a_crowd_checks_in_to_a_patrol(AppFixture fixture) : PatrolScenarios(fixture)
{
    [Fact]
    public async Task twenty_simultaneous_self_check_ins_give_twenty_distinct_participants()
    {
        var volunteers = Enumerable.Range(1, 12).Select(Seeded.Volunteer).Concat(await RegisterVolunteers(8)).ToList();
        var shift = await ScheduleShift();

        var responses = await Task.WhenAll(volunteers.Select(v => CheckIn(shift.ShiftId, v, shift.CheckInCode)));

        foreach (var response in responses) response.ShouldBe(HttpStatusCode.Created);
        var view = await Shift(shift.ShiftId);
        view.PersonTimes.ShouldBe(20);
        view.Participants.Select(p => p.VolunteerId).ShouldBe(volunteers, ignoreOrder: true);
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(shift.ShiftId);
        events.Select(e => e.Data).OfType<PatrolCheckedIn>().Select(e => e.VolunteerId)
            .ShouldBe(volunteers, ignoreOrder: true);
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, 21).Select(v => (long)v));
    }

    [Fact]
    public async Task the_same_volunteer_checking_in_twice_at_once_is_in_once()
    {
        var shift = await ScheduleShift();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => CheckIn(shift.ShiftId, Seeded.ZhangXiaomei, shift.CheckInCode)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await loser.ShouldBeProblem(409, "already_checked_in", "volunteerId");
        (await Shift(shift.ShiftId)).PersonTimes.ShouldBe(1);
    }
}
