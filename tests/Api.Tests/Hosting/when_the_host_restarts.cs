using System.Net;
using System.Net.Http.Json;
using NodaTime.Testing;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Tests.Hosting;

/// <summary>Two hosts, one after the other, on the same schema: what the first committed, the second sees.</summary>
public sealed class when_the_host_restarts : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => AppFactory.DropSchema(_schema);

    [Fact]
    public async Task balances_and_idempotency_keys_survive()
    {
        const string key = "restart-verify-1";
        Guid recordId;
        string firstBody;

        await using (var first = new AppFactory(_schema, new FakeClock(AppFactory.DefaultNow)))
        {
            using var client = first.ClientFor(TestUsers.Office());
            var submitted = await client.PostAsJsonAsync("/api/service-records",
                new SubmitServiceRecordRequest(Seeded.ZhangXiaomei, "CB01", new(2026, 11, 22), 240),
                IntegrationContext.Json);
            submitted.ShouldBe(HttpStatusCode.Created);
            recordId = (await submitted.Content.ReadFromJsonAsync<ServiceRecordAccepted>(IntegrationContext.Json))!
                .RecordId;

            using var verify = new HttpRequestMessage(HttpMethod.Post, $"/api/service-records/{recordId}/verify");
            verify.Headers.Add("Idempotency-Key", key);
            var verified = await client.SendAsync(verify);
            verified.ShouldBe(HttpStatusCode.OK);
            firstBody = await verified.Content.ReadAsStringAsync();
        }

        await using var second = new AppFactory(_schema, new FakeClock(AppFactory.DefaultNow.Plus(NodaTime.Duration.FromHours(1))));
        using var again = second.ClientFor(TestUsers.Office());

        var balance = await again.GetFromJsonAsync<VolunteerBalance>($"/api/volunteers/{Seeded.ZhangXiaomei}/balance",
            IntegrationContext.Json);
        balance!.Available.ShouldBe(40);
        balance.LifetimeServiceMinutes.ShouldBe(240);

        using var replay = new HttpRequestMessage(HttpMethod.Post, $"/api/service-records/{recordId}/verify");
        replay.Headers.Add("Idempotency-Key", key);
        var replayed = await again.SendAsync(replay);
        replayed.ShouldBe(HttpStatusCode.OK);
        replayed.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await replayed.Content.ReadAsStringAsync()).ShouldBe(firstBody);

        // The seeds ran again at start-up and found everything in place: no volunteer twice.
        var volunteers = await again.GetFromJsonAsync<QunTuan.Api.Infrastructure.ResultPage<QunTuan.Api.Volunteers.VolunteerView>>(
            "/api/communities/lanhua/volunteers?pageSize=100", IntegrationContext.Json);
        volunteers!.TotalCount.ShouldBe(Seeded.VolunteerCount);
    }
}
