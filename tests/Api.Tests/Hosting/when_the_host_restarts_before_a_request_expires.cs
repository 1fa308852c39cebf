using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using QunTuan.Api.Communities;
using QunTuan.Api.Redemptions;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Redemptions;
using QunTuan.Projections.Volunteers;
using Wolverine.Tracking;

namespace QunTuan.Api.Tests.Hosting;

/// <summary>
/// The expiry of a request is a durable scheduled message: made by one host, it is kept in PostgreSQL and run
/// by the next host on the same schema. The first host's clock never reaches the deadline, so only the second
/// host can expire the request.
/// </summary>
public sealed class when_the_host_restarts_before_a_request_expires : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => AppFactory.DropSchema(_schema);

    [Fact]
    public async Task the_scheduled_expiry_fires_in_the_next_host_and_releases_everything()
    {
        var gift = CatalogIds.Item(Seeded.Lanhua, "G07");
        Guid redemptionId;

        await using (var first = new AppFactory(_schema, new FakeClock(AppFactory.DefaultNow)))
        {
            using var office = first.ClientFor(TestUsers.Office());
            (await office.PutAsJsonAsync("/api/communities/lanhua/points-policy",
                new SetPointsPolicyRequest(Duration.FromSeconds(3), Duration.FromDays(30)), IntegrationContext.Json))
                .ShouldBe(HttpStatusCode.OK);
            (await office.PostAsJsonAsync($"/api/volunteers/{Seeded.ZhangXiaomei}/adjustments",
                new AdjustPointsRequest(40, CorrectionReason.Goodwill, "测试 / test"), IntegrationContext.Json))
                .ShouldBe(HttpStatusCode.Created);

            using var volunteer = first.ClientFor(TestUsers.Volunteer(Seeded.ZhangXiaomei));
            var requested = await volunteer.PostAsJsonAsync("/api/redemptions",
                new RequestRedemptionRequest(Seeded.ZhangXiaomei, gift), IntegrationContext.Json);
            requested.ShouldBe(HttpStatusCode.Created);
            redemptionId = (await requested.Content.ReadFromJsonAsync<RedemptionResponse>(IntegrationContext.Json))!
                .RedemptionId;
            (await ScheduledReminders()).ShouldBeGreaterThanOrEqualTo(1);
        }

        await using var second = new AppFactory(_schema, new FakeClock(AppFactory.DefaultNow.Plus(Duration.FromHours(1))));
        var host = second.Services.GetRequiredService<IHost>();
        await host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).WaitForExecutionOf<ExpireRedemption>(1)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => Task.CompletedTask));

        await using var session = second.Store.QuerySession();
        var redemption = await session.LoadAsync<RedemptionView>(redemptionId);
        redemption!.Status.ShouldBe(RedemptionStatus.Expired);
        redemption.DecidedBy.ShouldBe(RedemptionDeadlines.SystemActor);
        var balance = await session.LoadAsync<VolunteerBalance>(Seeded.ZhangXiaomei);
        (balance!.Available, balance.Held).ShouldBe((40, 0));
        (await ScheduledReminders()).ShouldBe(0);
    }

    private async Task<long> ScheduledReminders()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) from \"{_schema}\".wolverine_incoming_envelopes where status = 'Scheduled' and (message_type like '%expire_redemption%' or message_type like '%ExpireRedemption%')",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
