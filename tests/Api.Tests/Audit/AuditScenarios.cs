using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using QunTuan.Api.Audit;
using QunTuan.Api.ElderCare;
using QunTuan.Api.Patrols;
using QunTuan.Api.RiverGuarding;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.Audit;

/// <summary>Arrange steps for audit tests, and the SQL an intruder with database access would run.</summary>
public abstract class AuditScenarios(AppFixture fixture) : Scenarios(fixture)
{
    protected static readonly Guid LanhuaRiverTeam = Guid.Parse("00000000-0000-7000-8000-0000000a0001");
    protected static readonly Guid LanhuaSegment = Guid.Parse("00000000-0000-7000-8000-0000000a1001");
    protected static readonly Guid LanhuaPatrolTeam = Guid.Parse("00000000-0000-7000-8100-000000000001");

    /// <summary>
    /// A bit of everything, through the API: services credited, queued, rejected and reversed, corrections, a patrol
    /// shift closed into credits, a river patrol with a finding resolved, an elder visit raising an alert that is
    /// acknowledged, a second community with its own credit, and a certificate. The clock ends four hours on.
    /// </summary>
    protected async Task RichHistory()
    {
        var admin = TestUsers.Admin();
        var patrol = await Credit(Seeded.ZhangXiaomei, "CB01", Today, durationMinutes: 150);
        await Credit(Seeded.LiJianguo, "CB02", Today.PlusDays(-1));
        await SubmitRecord(Seeded.Volunteer(3), "CB03", Today);
        var refused = await SubmitRecord(Seeded.Volunteer(4), "CB02", Today);
        (await Post($"/api/service-records/{refused}/reject", new RejectServiceRecordRequest("重复登记")))
            .ShouldBe(HttpStatusCode.OK);
        (await Post($"/api/service-records/{patrol.RecordId}/reversal",
            new ReverseServiceRecordRequest(CorrectionReason.EntryError, "时长填错"))).ShouldBe(HttpStatusCode.OK);
        (await Post($"/api/volunteers/{Seeded.LiJianguo}/adjustments",
            new AdjustPointsRequest(-5, CorrectionReason.EntryError, "多记"))).ShouldBe(HttpStatusCode.Created);

        var start = App.Clock.GetCurrentInstant().Plus(Duration.FromMinutes(10));
        var shift = await Read<PatrolShiftScheduled>(await Ok(Post("/api/patrol-shifts",
            new SchedulePatrolShiftRequest("lanhua", "兰花路沿线", start, start.Plus(Duration.FromHours(3)),
                TeamId: LanhuaPatrolTeam))));
        foreach (var n in new[] { 5, 6 })
            await Ok(Post($"/api/patrol-shifts/{shift.ShiftId}/check-ins", new CheckInRequest(Seeded.Volunteer(n))));
        await Ok(Post($"/api/patrol-shifts/{shift.ShiftId}/incidents",
            new RecordIncidentRequest(PatrolIncidentKind.HazardFound, "井盖松动")));

        var river = await Read<RiverPatrolAccepted>(await Ok(Post($"/api/river-teams/{LanhuaRiverTeam}/patrols",
            new RecordRiverPatrolRequest(LanhuaSegment, Today.PlusDays(-1), new LocalTime(9, 0), new LocalTime(11, 0),
                [Seeded.LiJianguo], [new RiverFindingRequest(RiverFindingKind.Litter, 3, RiverFindingSeverity.Low)],
                CreditNow: true))));
        await Ok(Post($"/api/river-findings/{river.FindingIds[0]}/resolve", new ResolveRiverFindingRequest("已清理")));

        var visit = await Read<ElderVisitLogged>(await Ok(Post("/api/elders/00000000-0000-7000-9000-000000000001/visits",
            new LogElderVisitRequest(Seeded.ZhangXiaomei, Today, 30, Wellbeing.Emergency))));
        await Ok(Post($"/api/elder-alerts/{visit.AlertId}/acknowledge", new AcknowledgeElderAlertRequest("已联系家属")));

        var mei = await ForeignCommunityWithVolunteer();
        await Ok(Post("/api/service-records", new SubmitServiceRecordRequest(mei, "CB02", Today, VerifyNow: true),
            user: admin));

        App.Clock.Advance(Duration.FromHours(4));
        await Ok(Post($"/api/patrol-shifts/{shift.ShiftId}/close", new ClosePatrolShiftRequest(CreditNow: true)));
        await Ok(Post($"/api/volunteers/{Seeded.ZhangXiaomei}/certificates", new { from = "2026-11-01", to = "2026-11-23" },
            user: admin));
    }

    protected static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return response;
    }

    protected Task<ChainVerification> VerifyChain() =>
        GetAs<ChainVerification>(TestUsers.Admin(), "/api/audit/chain/verify");

    /// <summary>The id of the <paramref name="nth"/> (1-based) event of a type on a stream.</summary>
    protected async Task<Guid> EventOf(Guid streamId, string type, int nth = 1)
    {
        var id = await Scalar($"select id from {Events} where stream_id = @a and type = @b order by version offset {nth - 1} limit 1",
            streamId, type);
        return (Guid)id!;
    }

    protected string Events => $"\"{App.Schema}\".mt_events";

    /// <summary>Runs SQL on the test schema directly, around the application, with parameters @a, @b, ...</summary>
    protected async Task<int> Sql(string sql, params object[] args)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue(((char)('a' + i)).ToString(), args[i]);
        return await command.ExecuteNonQueryAsync();
    }

    protected async Task<object?> Scalar(string sql, params object[] args)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue(((char)('a' + i)).ToString(), args[i]);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Copies an event as a new row at the end of its stream, the way someone with psql would slip one in.</summary>
    protected async Task<Guid> InsertCopyOf(Guid eventId)
    {
        var id = Guid.CreateVersion7();
        await Sql($"""
            insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                                  correlation_id, causation_id, headers, user_name, is_archived)
            select nextval('"{App.Schema}".mt_events_sequence'), @a, stream_id,
                   (select max(version) + 1 from {Events} s where s.stream_id = e.stream_id), data, type, timestamp,
                   tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name, is_archived
            from {Events} e where id = @b
            """, id, eventId);
        return id;
    }
}
