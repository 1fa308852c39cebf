using System.Net;
using Marten;
using Marten.Events;
using Npgsql;
using NodaTime;
using QunTuan.Api.Patrols;
using QunTuan.Api.Ratings;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Ratings;

namespace QunTuan.Api.Tests.Replay;

/// <summary>
/// Every projection, inline and async, rebuilt from the events alone, gives documents identical to the live
/// ones, compared by a hash of each document table.
/// </summary>
public sealed class when_every_projection_is_rebuilt(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task the_rebuilt_documents_hash_the_same_as_the_live_ones()
    {
        await History();
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var options = ((DocumentStore)Store).Options.Projections;
        var projections = ((IEnumerable<object>)options.GetType().GetProperty("All")!.GetValue(options)!)
            .Select(p => (Name: (string)p.GetType().GetProperty("Name")!.GetValue(p)!,
                Types: ((IEnumerable<Type>)p.GetType().GetMethod("PublishedTypes")!.Invoke(p, null)!).ToList()))
            .ToList();
        projections.Count.ShouldBeGreaterThan(15);

        var before = new Dictionary<string, string>();
        foreach (var type in projections.SelectMany(p => p.Types).Distinct()) before[type.Name] = await Hash(type);

        using var daemon = await Store.BuildProjectionDaemonAsync();
        foreach (var (name, _) in projections)
            await daemon.RebuildProjectionAsync(name, CancellationToken.None);

        foreach (var type in projections.SelectMany(p => p.Types).Distinct())
            (await Hash(type)).ShouldBe(before[type.Name], type.Name);
        before.Values.Distinct().Count().ShouldBeGreaterThan(10); // the tables were not all empty
    }

    /// <summary>A bit of everything: services, corrections, a patrol, elder visits, a river patrol, ratings.</summary>
    private async Task History()
    {
        var credit = await Credit(Seeded.ZhangXiaomei, "CB01", Today, durationMinutes: 150);
        await Credit(Seeded.LiJianguo, "CB02", Today);
        (await Post($"/api/service-records/{credit.RecordId}/reversal", new QunTuan.Api.ServiceRecords.ReverseServiceRecordRequest(
            QunTuan.Ledger.Volunteers.CorrectionReason.EntryError, "时长有误"))).ShouldBe(HttpStatusCode.OK);
        var start = App.Clock.GetCurrentInstant().Plus(Duration.FromMinutes(10));
        var shift = await Read<QunTuan.Ledger.Patrols.PatrolShiftScheduled>(await Post("/api/patrol-shifts",
            new SchedulePatrolShiftRequest("lanhua", "兰花路", start, start.Plus(Duration.FromHours(2)),
                TeamId: Guid.Parse("00000000-0000-7000-8100-000000000001"))));
        (await Post($"/api/patrol-shifts/{shift.ShiftId}/check-ins", new CheckInRequest(Seeded.Volunteer(3))))
            .ShouldBe(HttpStatusCode.Created);
        App.Clock.Advance(Duration.FromHours(3));
        (await Post($"/api/patrol-shifts/{shift.ShiftId}/close", new ClosePatrolShiftRequest(true))).ShouldBe(HttpStatusCode.OK);
        (await Post("/api/ratings", new RateServiceRequest(RatedSubject.PatrolShift, shift.ShiftId, Satisfaction.Satisfied)))
            .ShouldBe(HttpStatusCode.Created);
        (await Post("/api/elders/00000000-0000-7000-9000-000000000001/visits", new QunTuan.Api.ElderCare.LogElderVisitRequest(
            Seeded.ZhangXiaomei, Today, 30, QunTuan.Ledger.ElderCare.Wellbeing.Emergency))).ShouldBe(HttpStatusCode.Created);
        (await Post("/api/river-teams/00000000-0000-7000-8000-0000000a0001/patrols",
            new QunTuan.Api.RiverGuarding.RecordRiverPatrolRequest(Guid.Parse("00000000-0000-7000-8000-0000000a1001"),
                Today.PlusDays(-1), new LocalTime(9, 0), new LocalTime(11, 0), [Seeded.LiJianguo],
                [new(QunTuan.Ledger.RiverGuarding.RiverFindingKind.Litter, 2, QunTuan.Ledger.RiverGuarding.RiverFindingSeverity.Low)],
                CreditNow: true))).ShouldBe(HttpStatusCode.Created);
    }

    private async Task<string> Hash(Type documentType)
    {
        var table = $"\"{App.Schema}\".mt_doc_{documentType.Name.ToLowerInvariant()}";
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) || ':' || coalesce(md5(string_agg(id::text || data::text, ',' order by id)), '') from {table}",
            connection);
        try
        {
            return (string)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return "no table";
        }
    }
}
