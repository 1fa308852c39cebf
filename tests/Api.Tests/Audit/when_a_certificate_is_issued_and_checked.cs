using System.Net;
using System.Net.Http.Json;
using NodaTime;
using QunTuan.Api.Certificates;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Certificates;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.Audit;

/// <summary>
/// Certificates (志愿服务记录证明): hours and points by activity for a period, proved by a chain link; anyone can check
/// one, and learns only whether it still matches the ledger; after the history behind it is edited, it does not.
/// </summary>
public sealed class when_a_certificate_is_issued_and_checked(AppFixture fixture) : AuditScenarios(fixture)
{
    // It edits the event or document tables with SQL on purpose.
    protected override bool LedgerMustStaySound => false;

    private static readonly QunTuan.Api.Identity.UserAccount Auditor = TestUsers.Auditor("auditor-qian", Seeded.Lanhua);
    private static readonly Guid Zhang = Seeded.ZhangXiaomei;

    private async Task<CertificateView> Issue(string from = "2026-11-01", string to = "2026-11-23")
    {
        var response = await Post($"/api/volunteers/{Zhang}/certificates", new { from, to }, user: Auditor);
        response.ShouldBe(HttpStatusCode.Created);
        return await Read<CertificateView>(response);
    }

    private async Task History()
    {
        await Credit(Zhang, "CB01", Today.PlusDays(-2), durationMinutes: 150);   // 25 points
        await Credit(Zhang, "CB01", Today, durationMinutes: 90);                  // 15 points
        var mistaken = (await Credit(Zhang, "CB02", Today)).RecordId;             // 20 points, reversed below
        await Credit(Zhang, "PV01", Today);                                       // 5 points, 20 minutes
        (await Post($"/api/service-records/{mistaken}/reversal",
            new ReverseServiceRecordRequest(CorrectionReason.EntryError, "未参加"))).ShouldBe(HttpStatusCode.OK);
        (await Post($"/api/volunteers/{Zhang}/adjustments",
            new AdjustPointsRequest(7, CorrectionReason.Goodwill, "台风天坚持巡防"))).ShouldBe(HttpStatusCode.Created);
    }

    private async Task<CertificateVerification> Check(Guid certificateId)
    {
        using var anyone = App.CreateClient();
        var response = await anyone.GetAsync($"/api/certificates/{certificateId}/verify");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<CertificateVerification>(Json))!;
    }

    [Fact]
    public async Task it_states_hours_and_points_by_activity_and_verifies_for_anyone()
    {
        await History();

        var certificate = await Issue();

        certificate.VolunteerName.ShouldBe("张晓梅");
        certificate.Lines.Select(l => (l.CategoryCode, l.ActivityCode, l.Services, l.Minutes, l.Points)).ShouldBe(
            [("CB", "CB01", 2, 240, 40), ("PV", "PV01", 1, 20, 5)]);
        certificate.AdjustmentPoints.ShouldBe(7);
        (certificate.TotalMinutes, certificate.TotalPoints).ShouldBe((260, 52));
        certificate.AccountVersion.ShouldBe(7);
        certificate.ChainHash.Length.ShouldBe(64);
        certificate.Digest.ShouldBe(CertificateDigest.Of(await IssuedEvent(certificate.CertificateId)));

        var check = await Check(certificate.CertificateId);
        check.Valid.ShouldBeTrue();
        check.Reason.ShouldBeNull();
        check.Digest.ShouldBe(certificate.Digest);

        // Only the period asked for: the first patrol was two days before it.
        var narrow = await Issue(from: "2026-11-23");
        narrow.Lines.Single(l => l.ActivityCode == "CB01").Services.ShouldBe(1);
    }

    [Fact]
    public async Task the_printable_page_is_in_chinese_and_carries_the_proof()
    {
        await History();
        var certificate = await Issue();

        using var client = App.ClientFor(Auditor);
        var response = await client.GetAsync($"/api/certificates/{certificate.CertificateId}/print");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("志愿服务记录证明");
        html.ShouldContain("张晓梅");
        html.ShouldContain("兰花社区");
        html.ShouldContain("2026年11月1日至2026年11月23日");
        html.ShouldContain("4 小时");        // CB01: 240 minutes
        html.ShouldContain(CertificateDigest.Printed(certificate.Digest));
        html.ShouldContain(certificate.ChainHash);
        html.ShouldContain($"/api/certificates/{certificate.CertificateId}/verify");
    }

    [Fact]
    public async Task it_fails_once_the_history_behind_it_is_edited()
    {
        await History();
        var certificate = await Issue();
        (await Check(certificate.CertificateId)).Valid.ShouldBeTrue();

        var credit = await EventOf(Zhang, "points_credited");
        await Sql($"update {Events} set data = jsonb_set(data, '{{points}}', '250') where id = @a", credit);

        var check = await Check(certificate.CertificateId);
        check.Valid.ShouldBeFalse();
        check.Reason.ShouldBe(CertificateCheck.HistoryAltered);
    }

    [Fact]
    public async Task it_fails_once_the_certificate_itself_is_edited()
    {
        await History();
        var certificate = await Issue();

        await Sql($"update {Events} set data = jsonb_set(data, '{{totalPoints}}', '520') where stream_id = @a",
            certificate.CertificateId);

        var check = await Check(certificate.CertificateId);
        check.Valid.ShouldBeFalse();
        check.Reason.ShouldBe(CertificateCheck.CertificateAltered);
    }

    [Fact]
    public async Task it_fails_once_an_event_it_counted_is_deleted()
    {
        await History();
        var certificate = await Issue();

        await Sql($"delete from {Events} where id = @a", await EventOf(Zhang, "points_adjusted"));

        (await Check(certificate.CertificateId)).Reason.ShouldBe(CertificateCheck.HistoryAltered);
    }

    private async Task<CertificateIssued> IssuedEvent(Guid certificateId)
    {
        await using var session = Store.QuerySession();
        return (CertificateIssued)(await session.Events.FetchStreamAsync(certificateId)).Single().Data;
    }
}
