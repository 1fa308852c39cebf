using System.Net;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;

namespace QunTuan.Api.Tests.Privacy;

/// <summary>Events cannot be erased, so no phone or ID-card number may ever reach one (RELIABILITY.md §4).</summary>
public sealed class when_personal_data_is_offered(AppFixture fixture) : Scenarios(fixture)
{
    [Fact]
    public async Task it_is_refused_everywhere_free_text_would_enter_an_event()
    {
        await (await Post("/api/communities/lanhua/volunteers",
                new RegisterVolunteerRequest("王阿姨 13912345678", "第2网格")))
            .ShouldBeProblem(422, "personal_data_not_allowed", "displayName");
        await (await Post("/api/service-records", new SubmitServiceRecordRequest(Seeded.ZhangXiaomei, "CB02", Today,
                Note: "联系老人 330102195001011234")))
            .ShouldBeProblem(422, "personal_data_not_allowed", "note");
        // A username is written into every event its user causes.
        await (await Post("/api/users", new QunTuan.Api.Identity.CreateUserRequest("13712345678",
                [QunTuan.Api.Identity.Role.Auditor]), user: TestUsers.Admin()))
            .ShouldBeProblem(422, "invalid_username", "username");
    }

    [Fact]
    public async Task no_event_payload_or_metadata_holds_a_phone_or_id_number()
    {
        // Ordinary use, including free text with harmless digits, then a scan of every stored event.
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB01", Today, durationMinutes: 120);
        await Verify(recordId);
        (await Post($"/api/volunteers/{Seeded.LiJianguo}/adjustments",
            new AdjustPointsRequest(12, QunTuan.Ledger.Volunteers.CorrectionReason.Goodwill, "3号楼 2单元 1201 室"))).ShouldBe(HttpStatusCode.Created);
        // Every workflow, and contact numbers in the protected profile, before the scan.
        (await Send(HttpMethod.Put, $"/api/volunteers/{Seeded.ZhangXiaomei}/profile",
            """{"phone":"13812345678","idCardNumber":"11010519491231002X"}""")).ShouldBe(HttpStatusCode.OK);
        var start = App.Clock.GetCurrentInstant().Plus(NodaTime.Duration.FromMinutes(5));
        var shift = await Read<QunTuan.Ledger.Patrols.PatrolShiftScheduled>(await Post("/api/patrol-shifts",
            new QunTuan.Api.Patrols.SchedulePatrolShiftRequest("lanhua", "兰花路 88 号至 120 号", start,
                start.Plus(NodaTime.Duration.FromHours(2)))));
        (await Post($"/api/patrol-shifts/{shift.ShiftId}/check-ins",
            new QunTuan.Api.Patrols.CheckInRequest(Seeded.ZhangXiaomei))).ShouldBe(HttpStatusCode.Created);
        (await Post($"/api/patrol-shifts/{shift.ShiftId}/incidents", new QunTuan.Api.Patrols.RecordIncidentRequest(
            QunTuan.Ledger.Patrols.PatrolIncidentKind.DisputeMediated, "2 号楼邻里噪音纠纷已调解"))).ShouldBe(HttpStatusCode.Created);
        (await Post("/api/elders/00000000-0000-7000-9000-000000000001/visits", new QunTuan.Api.ElderCare.LogElderVisitRequest(
            Seeded.ZhangXiaomei, Today, 25, QunTuan.Ledger.ElderCare.Wellbeing.NeedsHelp, "血压 150/95，已提醒复诊")))
            .ShouldBe(HttpStatusCode.Created);
        (await Post("/api/river-teams/00000000-0000-7000-8000-0000000a0001/patrols",
            new QunTuan.Api.RiverGuarding.RecordRiverPatrolRequest(Guid.Parse("00000000-0000-7000-8000-0000000a1001"),
                Today.PlusDays(-1), new NodaTime.LocalTime(8, 0), new NodaTime.LocalTime(9, 30), [Seeded.LiJianguo],
                [new(QunTuan.Ledger.RiverGuarding.RiverFindingKind.Litter, 4, QunTuan.Ledger.RiverGuarding.RiverFindingSeverity.Low,
                    "IMG_20261122_0801.jpg", "桥下 3 袋垃圾")], CreditNow: true))).ShouldBe(HttpStatusCode.Created);

        var (scanned, offending) = await PersonalDataScan.RunAsync(App.Schema);
        offending.ShouldBeEmpty();
        scanned.ShouldBeGreaterThan(100); // the seeds alone hold well over a hundred events
    }
}
