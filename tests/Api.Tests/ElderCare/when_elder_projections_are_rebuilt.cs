using System.Text.Json;
using Marten;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.ElderCare;
using QunTuan.Projections.ElderCare;

namespace QunTuan.Api.Tests.ElderCare;

/// <summary>
/// I6 for the 1+3 read models: wipe them, rebuild them from the events through Marten's projection daemon, and
/// they come back exactly as the inline projections left them, equal to a fresh fold of each stream.
/// </summary>
public sealed class when_elder_projections_are_rebuilt(AppFixture fixture) : ElderScenarios(fixture)
{
    [Fact]
    public async Task coverage_matches_the_events_after_a_full_rebuild()
    {
        // Three weeks of history, so the coverage documents have dropped old days as they went.
        for (var day = 0; day < 17; day++)
        {
            if (day > 0) NextDay();
            await Visited(Seeded.Elder(1 + day % 3), GridLeader1);
            if (day % 2 == 0) await Visited(Seeded.Elder(1), GridMember1, wellbeing: Wellbeing.NeedsHelp);
            if (day % 4 == 1) await Visited(Seeded.Elder(2), PartyMember1, TodayNow.PlusDays(-1));
            if (day == 9)
                await Paired(Seeded.Elder(3), new(HelperRole.GridLeader, GridLeader1),
                    new(HelperRole.PartyMember, PartyMember1));
        }
        var before = await Snapshot<ElderCoverage>();
        before[Seeded.Elder(1)].ShouldContain("\"recentVisits\"");
        var views = await Snapshot<ElderView>();
        var alerts = await Snapshot<ElderAlertView>();
        alerts.Count.ShouldBe(9);

        await using (var session = Store.LightweightSession())
        {
            session.DeleteWhere<ElderCoverage>(_ => true);
            session.DeleteWhere<ElderView>(_ => true);
            session.DeleteWhere<ElderAlertView>(_ => true);
            await session.SaveChangesAsync();
        }
        (await Snapshot<ElderCoverage>()).ShouldBeEmpty();

        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<ElderCoverageProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<ElderViewProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<ElderAlertViewProjection>(CancellationToken.None);
        }

        var after = await Snapshot<ElderCoverage>();
        after.Count.ShouldBe(Seeded.ElderCount);
        ShouldBeTheSame(after, before);
        ShouldBeTheSame(await Snapshot<ElderView>(), views);
        ShouldBeTheSame(await Snapshot<ElderAlertView>(), alerts);

        await using var query = Store.QuerySession();
        foreach (var elder in new[] { 1, 2, 3, 4 }.Select(Seeded.Elder))
        {
            var folded = await query.Events.AggregateStreamAsync<ElderCoverage>(elder);
            JsonSerializer.Serialize(folded, Json).ShouldBe(after[elder]);
        }
        var coverage = await Coverage(Seeded.Elder(1));
        coverage.TotalVisits.ShouldBe(6 + 9);
        coverage.VisitsThisWeek.ShouldBe(1 + 2); // Monday 7 to Wednesday 9 December: day 15, days 14 and 16
    }

    private static void ShouldBeTheSame(Dictionary<Guid, string> rebuilt, Dictionary<Guid, string> original)
    {
        rebuilt.Keys.Order().ShouldBe(original.Keys.Order());
        foreach (var (id, json) in original) rebuilt[id].ShouldBe(json, id.ToString());
    }

    private async Task<Dictionary<Guid, string>> Snapshot<T>() where T : notnull
    {
        await using var session = Store.QuerySession();
        var documents = await session.Query<T>().ToListAsync();
        return documents.ToDictionary(d => (Guid)typeof(T).GetProperty("Id")!.GetValue(d)!,
            d => JsonSerializer.Serialize(d, Json));
    }
}
