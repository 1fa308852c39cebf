using System.Net;
using Marten;
using NodaTime;
using QunTuan.Api.Patrols;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Patrols;
using QunTuan.Projections.ServiceRecords;

namespace QunTuan.Api.Tests.Patrols;

/// <summary>Arrange steps for patrol shifts, through the public API like every other scenario.</summary>
public abstract class PatrolScenarios(AppFixture fixture) : Scenarios(fixture)
{
    /// <summary>10:30 in Zhejiang on the test day (the clock starts at 10:00): self check-in is already open.</summary>
    protected static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 2, 30);

    /// <summary>13:30, three hours later.</summary>
    protected static readonly Instant End = Start + Duration.FromHours(3);

    /// <summary>兰花社区平安巡防队 from seeds/patrol-teams.json.</summary>
    protected static readonly Guid LanhuaTeam = Guid.Parse("00000000-0000-7000-8100-000000000001");

    protected async Task<PatrolShiftScheduled> ScheduleShift(Instant? start = null, Instant? end = null,
        Guid? teamId = null, string area = "兰花路—兰江路沿线")
    {
        var response = await Post("/api/patrol-shifts",
            new SchedulePatrolShiftRequest("lanhua", area, start ?? Start, end ?? End, TeamId: teamId));
        response.ShouldBe(HttpStatusCode.Created);
        return await Read<PatrolShiftScheduled>(response);
    }

    /// <summary>Registers <paramref name="count"/> new Lanhua volunteers with synthetic names.</summary>
    protected async Task<List<Guid>> RegisterVolunteers(int count, string prefix = "巡防队员")
    {
        var ids = new List<Guid>();
        for (var i = 1; i <= count; i++)
        {
            var response = await Post("/api/communities/lanhua/volunteers",
                new RegisterVolunteerRequest($"{prefix}{i:D2}", $"第{(i - 1) % 6 + 1}网格"));
            response.ShouldBe(HttpStatusCode.Created);
            ids.Add((await Read<VolunteerEnrolled>(response)).Volunteer.VolunteerId);
        }
        return ids;
    }

    /// <summary>With a code the volunteer checks themself in; without one the office clerk checks them in.</summary>
    protected Task<HttpResponseMessage> CheckIn(Guid shiftId, Guid volunteerId, string? code = null) =>
        Post($"/api/patrol-shifts/{shiftId}/check-ins", new CheckInRequest(volunteerId, code),
            user: code is null ? null : TestUsers.Volunteer(volunteerId));

    protected async Task CheckedIn(Guid shiftId, Guid volunteerId, string? code = null) =>
        (await CheckIn(shiftId, volunteerId, code)).ShouldBe(HttpStatusCode.Created);

    protected Task<HttpResponseMessage> CheckOut(Guid shiftId, Guid volunteerId) =>
        Post($"/api/patrol-shifts/{shiftId}/check-outs", new CheckOutRequest(volunteerId));

    protected async Task CheckedOut(Guid shiftId, Guid volunteerId) =>
        (await CheckOut(shiftId, volunteerId)).ShouldBe(HttpStatusCode.Created);

    protected Task<HttpResponseMessage> Close(Guid shiftId, bool creditNow, string? actor = null) =>
        Post($"/api/patrol-shifts/{shiftId}/close", new ClosePatrolShiftRequest(creditNow), actor: actor);

    protected async Task<PatrolShiftClosedResult> Closed(Guid shiftId, bool creditNow, string? actor = null)
    {
        var response = await Close(shiftId, creditNow, actor);
        response.ShouldBe(HttpStatusCode.OK);
        return await Read<PatrolShiftClosedResult>(response);
    }

    protected Task<PatrolShiftView> Shift(Guid shiftId) => Get<PatrolShiftView>($"/api/patrol-shifts/{shiftId}");

    /// <summary>Moves the fake clock to a Shanghai wall-clock time on the test day.</summary>
    protected void At(int hour, int minute) =>
        App.Clock.Reset(Instant.FromUtc(2026, 11, 23, hour - 8, minute));

    /// <summary>Every service record a shift produced, read from the store.</summary>
    protected async Task<IReadOnlyList<ServiceRecordView>> RecordsOf(Guid shiftId)
    {
        await using var session = Store.QuerySession();
        var records = await session.Query<ServiceRecordView>().Where(r => r.CommunityId == Seeded.Lanhua)
            .ToListAsync();
        return records.Where(r => r.Origin == new ServiceOrigin(ServiceOrigin.PatrolShift, shiftId)).ToList();
    }
}
