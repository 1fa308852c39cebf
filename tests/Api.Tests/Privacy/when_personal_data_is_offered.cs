using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;

namespace QunTuan.Api.Tests.Privacy;

/// <summary>Events cannot be erased, so no phone or ID-card number may ever reach one (RELIABILITY.md §4).</summary>
public sealed partial class when_personal_data_is_offered(AppFixture fixture) : Scenarios(fixture)
{
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdCard();

    // Ids are random hex and could hold a digit run that looks like a phone number; they are not personal data.
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

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

        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select data::text || coalesce(headers::text, '') || coalesce(user_name, '') from \"{App.Schema}\".mt_events",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var scanned = 0;
        while (await reader.ReadAsync())
        {
            var text = Uuid().Replace(reader.GetString(0), "<id>");
            Mobile().IsMatch(text).ShouldBeFalse(text);
            IdCard().IsMatch(text).ShouldBeFalse(text);
            scanned++;
        }
        scanned.ShouldBeGreaterThan(30); // the seeds alone are 45 events
    }
}
