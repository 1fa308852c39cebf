using System.Net;
using System.Text.Json;
using Marten;
using Npgsql;
using QunTuan.Api.Identity;
using QunTuan.Api.Privacy;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.Privacy;

public sealed class when_a_profile_holds_contact_numbers(AppFixture fixture) : Scenarios(fixture)
{
    private const string Phone = "13812345678";
    private const string IdCard = "11010519491231002X"; // the GB 11643 standard's own example

    private static string ProfileUrl => $"/api/volunteers/{Seeded.ZhangXiaomei}/profile";

    private async Task SetNumbers()
    {
        var response = await Send(HttpMethod.Put, ProfileUrl,
            JsonSerializer.Serialize(new UpdateProfileRequest(Phone: Phone, IdCardNumber: IdCard), Json));
        response.ShouldBe(HttpStatusCode.OK);
        var shown = await Read<PersonalProfile>(response);
        shown.Phone.ShouldBe("138****5678");
        shown.IdCardNumber.ShouldBe("1101**********002X");
    }

    [Fact]
    public async Task they_are_masked_by_default_for_everyone()
    {
        await SetNumbers();

        foreach (var viewer in new[] { TestUsers.Office(), TestUsers.Volunteer(Seeded.ZhangXiaomei), TestUsers.Auditor() })
        {
            var profile = await GetAs<PersonalProfile>(viewer, ProfileUrl);
            profile.Masked.ShouldBeTrue();
            profile.Phone.ShouldBe("138****5678");
            profile.IdCardNumber.ShouldBe("1101**********002X");
            profile.DisplayName.ShouldBe("张晓梅");
        }
    }

    [Fact]
    public async Task the_owner_may_reveal_their_own_numbers()
    {
        await SetNumbers();

        var own = await GetAs<PersonalProfile>(TestUsers.Volunteer(Seeded.ZhangXiaomei), ProfileUrl + "?reveal=true");

        own.Masked.ShouldBeFalse();
        own.Phone.ShouldBe(Phone);
        own.IdCardNumber.ShouldBe(IdCard);
    }

    [Fact]
    public async Task office_staff_need_the_permission_and_every_reveal_is_logged()
    {
        await SetNumbers();
        var permitted = TestUsers.Office("clerk-sun");
        var withoutPermission = TestUsers.Make("clerk-hu", [Role.Office], [Seeded.Lanhua], null);

        (await GetAs<PersonalProfile>(permitted, ProfileUrl + "?reveal=true")).Phone.ShouldBe(Phone);
        using var client = App.ClientFor(withoutPermission);
        await (await client.GetAsync(ProfileUrl + "?reveal=true"))
            .ShouldBeProblem(403, "personal_data_permission_required");
        using var auditor = App.ClientFor(TestUsers.Auditor());
        await (await auditor.GetAsync(ProfileUrl + "?reveal=true"))
            .ShouldBeProblem(403, "personal_data_permission_required");

        await using var session = Store.QuerySession();
        var reads = await session.Query<SecurityEvent>().Where(e => e.Action == SecurityLog.PersonalDataRead).ToListAsync();
        reads.ShouldHaveSingleItem().Username.ShouldBe("clerk-sun");
        reads[0].Subject.ShouldBe(Seeded.ZhangXiaomei.ToString());
    }

    [Fact]
    public async Task numbers_are_sealed_at_rest_and_never_in_an_event()
    {
        await SetNumbers();

        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "mt_events", "mt_doc_volunteerpersonaldata" })
        {
            await using var command = new NpgsqlCommand(
                $"select coalesce(string_agg(data::text, ' '), '') from \"{App.Schema}\".{table}", connection);
            var text = (string)(await command.ExecuteScalarAsync())!;
            text.ShouldNotContain(Phone);
            text.ShouldNotContain(IdCard);
        }
    }

    [Theory]
    [InlineData("""{"phone":"12345678901"}""", "invalid_phone", "phone")]
    [InlineData("""{"phone":"1381234567"}""", "invalid_phone", "phone")]
    [InlineData("""{"idCardNumber":"110105194912310021"}""", "invalid_id_card", "idCardNumber")] // wrong check digit
    [InlineData("""{"idCardNumber":"11010519491231002"}""", "invalid_id_card", "idCardNumber")]
    [InlineData("""{"displayName":"  "}""", "required", "displayName")]
    public async Task malformed_numbers_are_refused(string body, string code, string field)
    {
        await (await Send(HttpMethod.Put, ProfileUrl, body)).ShouldBeProblem(422, code, field);
    }

    [Fact]
    public async Task another_volunteer_cannot_read_or_change_it()
    {
        using var other = App.ClientFor(TestUsers.Volunteer(Seeded.LiJianguo));

        await (await other.GetAsync(ProfileUrl)).ShouldBeProblem(404, "volunteer_not_found");
        await (await other.PutAsync(ProfileUrl, new StringContent("""{"phone":"13912345678"}""",
            System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblem(404, "volunteer_not_found");
    }

    [Fact]
    public void a_sealed_number_opens_only_for_its_own_volunteer_and_field()
    {
        var protector = new PersonalDataProtector(Convert.FromBase64String(PersonalDataProtector.DevelopmentKey));
        var sealedPhone = protector.Seal(Seeded.ZhangXiaomei, "phone", Phone);

        protector.Open(Seeded.ZhangXiaomei, "phone", sealedPhone).ShouldBe(Phone);
        Should.Throw<System.Security.Cryptography.CryptographicException>(() =>
            protector.Open(Seeded.LiJianguo, "phone", sealedPhone));
        Should.Throw<System.Security.Cryptography.CryptographicException>(() =>
            protector.Open(Seeded.ZhangXiaomei, "idCardNumber", sealedPhone));
        protector.Seal(Seeded.ZhangXiaomei, "phone", Phone).ShouldNotBe(sealedPhone); // fresh nonce every time
    }
}
