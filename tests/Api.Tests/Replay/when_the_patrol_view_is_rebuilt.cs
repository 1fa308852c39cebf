using System.Net;
using System.Text.Json;
using Marten;
using QunTuan.Api.Patrols;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Tests.Patrols;
using QunTuan.Ledger.Patrols;
using QunTuan.Projections.Patrols;

namespace QunTuan.Api.Tests.Replay;

/// <summary>I6 for patrols: the shift view rebuilt from the events alone equals the one kept inline.</summary>
public sealed class when_the_patrol_view_is_rebuilt(AppFixture fixture) : PatrolScenarios(fixture)
{
    [Fact]
    public async Task the_rebuilt_documents_equal_the_inline_ones()
    {
        var credited = await ScheduleShift(teamId: LanhuaTeam);
        var queued = await ScheduleShift(area: "兰江沿岸");
        var open = await ScheduleShift(Start + NodaTime.Duration.FromDays(1), End + NodaTime.Duration.FromDays(1));
        for (var n = 1; n <= 4; n++) await CheckedIn(credited.ShiftId, Seeded.Volunteer(n), credited.CheckInCode);
        for (var n = 5; n <= 7; n++) await CheckedIn(queued.ShiftId, Seeded.Volunteer(n));
        (await Post($"/api/patrol-shifts/{credited.ShiftId}/incidents",
            new RecordIncidentRequest(PatrolIncidentKind.DisputeMediated, "调解邻里停车纠纷"))).ShouldBe(HttpStatusCode.Created);
        At(11, 0);
        await CheckedOut(credited.ShiftId, Seeded.Volunteer(1)); // below the minimum
        At(12, 0);
        await CheckedOut(queued.ShiftId, Seeded.Volunteer(5));
        At(14, 0);
        await Closed(credited.ShiftId, creditNow: true);
        await Closed(queued.ShiftId, creditNow: false);

        var before = await LoadViews();
        before.Count.ShouldBe(3);

        // IProjectionDaemon is IDisposable, not IAsyncDisposable, in Marten 9.58.
        using (var daemon = await Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<PatrolShiftViewProjection>(CancellationToken.None);

        var after = await LoadViews();
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        foreach (var (id, json) in before) after[id].ShouldBe(json, $"shift {id}");
        after[open.ShiftId].ShouldContain("\"status\":\"scheduled\"");
        after[credited.ShiftId].ShouldContain("\"notCredited\":\"below_minimum\"");
    }

    [Fact]
    public async Task every_patrol_snapshot_and_view_equals_a_fold_of_its_events()
    {
        var shift = await ScheduleShift(teamId: LanhuaTeam);
        await CheckedIn(shift.ShiftId, Seeded.ZhangXiaomei, shift.CheckInCode);
        await CheckedIn(shift.ShiftId, Seeded.LiJianguo);
        (await Post($"/api/patrol-teams/{LanhuaTeam}/members", new AddPatrolTeamMemberRequest(Seeded.Volunteer(12))))
            .ShouldBe(HttpStatusCode.Created);
        At(12, 0);
        await CheckedOut(shift.ShiftId, Seeded.LiJianguo);
        At(13, 30);
        await Closed(shift.ShiftId, creditNow: true);

        await using var session = Store.QuerySession();
        await ShouldMatchFold<PatrolShift>(session, shift.ShiftId);
        await ShouldMatchFold<PatrolShiftView>(session, shift.ShiftId);
        await ShouldMatchFold<PatrolTeam>(session, LanhuaTeam);
        await ShouldMatchFold<PatrolTeamView>(session, LanhuaTeam);
    }

    private static async Task ShouldMatchFold<T>(IQuerySession session, Guid id) where T : class
    {
        var stored = await session.LoadAsync<T>(id);
        var folded = await session.Events.AggregateStreamAsync<T>(id);
        stored.ShouldNotBeNull();
        folded.ShouldNotBeNull();
        JsonSerializer.Serialize(folded, Json).ShouldBe(JsonSerializer.Serialize(stored, Json), typeof(T).Name);
    }

    private async Task<Dictionary<Guid, string>> LoadViews()
    {
        await using var session = Store.QuerySession();
        var views = await session.Query<PatrolShiftView>().ToListAsync();
        // Serialized forms compare collections by value, which records holding lists do not.
        return views.ToDictionary(v => v.Id, v => JsonSerializer.Serialize(v, Json));
    }
}
