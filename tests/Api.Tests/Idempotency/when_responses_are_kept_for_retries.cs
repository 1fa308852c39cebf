using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QunTuan.Api.Idempotency;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;

namespace QunTuan.Api.Tests.Idempotency;

/// <summary>
/// A kept response may hold a one-time secret (an activation code, a pickup code): it is stored sealed, opens only
/// for the replay of its own key, and is deleted once the retention period has passed.
/// </summary>
public sealed class when_responses_are_kept_for_retries(AppFixture fixture) : Scenarios(fixture)
{
    private static string Stored(string key) => $"{TestUsers.Office().Id}:{key}";

    private async Task<string?> RawRecord(string key)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"select data::text from \"{App.Schema}\".mt_doc_idempotencyrecord where id = @id", connection);
        command.Parameters.AddWithValue("id", Stored(key));
        return (string?)await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task an_activation_code_is_stored_sealed_and_replayed_in_clear()
    {
        var key = Guid.NewGuid().ToString();
        var first = await Post("/api/communities/lanhua/volunteers", new RegisterVolunteerRequest("陈静", "第3网格"), key);
        first.ShouldBe(HttpStatusCode.Created);
        var code = (await Read<VolunteerEnrolled>(first)).Activation.Code;

        var raw = (await RawRecord(key)).ShouldNotBeNull();
        raw.ShouldNotContain(code);
        raw.ShouldContain("\"bodySealed\": true");

        var replay = await Post("/api/communities/lanhua/volunteers", new RegisterVolunteerRequest("陈静", "第3网格"), key);
        replay.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).ShouldBe(["true"]);
        (await Read<VolunteerEnrolled>(replay)).Activation.Code.ShouldBe(code);
    }

    [Fact]
    public async Task records_older_than_the_retention_period_are_deleted()
    {
        var retention = App.Services.GetRequiredService<IdempotencyRetention>();
        retention.Retention.ShouldBe(Duration.FromHours(24));
        var old = Guid.NewGuid().ToString();
        var recent = Guid.NewGuid().ToString();
        (await Post("/api/service-records", new QunTuan.Api.ServiceRecords.SubmitServiceRecordRequest(
            Seeded.ZhangXiaomei, "CB02", Today), old)).ShouldBe(HttpStatusCode.Created);
        App.Clock.Advance(Duration.FromHours(23));
        (await Post("/api/service-records", new QunTuan.Api.ServiceRecords.SubmitServiceRecordRequest(
            Seeded.LiJianguo, "CB02", Today), recent)).ShouldBe(HttpStatusCode.Created);
        App.Clock.Advance(Duration.FromHours(2));

        (await retention.SweepAsync(CancellationToken.None)).ShouldBe(1);

        (await RawRecord(old)).ShouldBeNull();
        (await RawRecord(recent)).ShouldNotBeNull();
    }
}
