using System.Net;
using System.Net.Http.Json;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NodaTime.Testing;
using QunTuan.Api.Participation;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Participation;

/// <summary>
/// Participation counts points, so the daemon must not step over an event it cannot apply (Marten skips such events
/// by default in continuous mode). An unreadable event slipped into the table stops the statistics there: later
/// services are not counted, the lag shows on /health, and a fresh read answers 503 rather than wrong figures.
/// It runs in a host of its own, because it leaves that host's daemon stopped.
/// </summary>
public sealed class when_a_statistics_projection_meets_a_bad_event : IAsyncLifetime
{
    private readonly AppFactory _app = new(TestDatabase.NewSchema(), new FakeClock(AppFactory.DefaultNow));

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await AppFactory.DropSchema(_app.Schema);
    }

    private async Task Credit(HttpClient office, Guid volunteerId)
    {
        var submitted = await office.PostAsJsonAsync("/api/service-records",
            new { volunteerId, activityCode = "CB02", serviceDate = "2026-11-22" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var recordId = (await submitted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("recordId").GetGuid();
        (await office.PostAsync($"/api/service-records/{recordId}/verify", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task the_daemon_stops_at_it_instead_of_skipping_it()
    {
        using var office = _app.ClientFor(TestUsers.Office());
        await Credit(office, Seeded.ZhangXiaomei);
        await _app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var counted = await office.GetFromJsonAsync<ParticipationReport>(
            "/api/communities/lanhua/participation?period=2026-11", IntegrationContext.Json);
        counted!.PersonTimes.ShouldBe(1);

        var daemon = _app.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        var halted = new TaskCompletionSource<ShardState>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = daemon.Tracker.Subscribe(new Watcher(s =>
        {
            if (s.ShardName.StartsWith("ParticipationFact") && s.Action is ShardAction.Paused or ShardAction.Stopped)
                halted.TrySetResult(s);
        }));

        // Someone with database access writes a verification the projection cannot read.
        var events = $"\"{_app.Schema}\".mt_events";
        var bad = await Scalar($$"""
            with stream as (insert into "{{_app.Schema}}".mt_streams (id, version, tenant_id)
                            values (gen_random_uuid(), 1, '*DEFAULT*') returning id)
            insert into {{events}} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
            select nextval('"{{_app.Schema}}".mt_events_sequence'), gen_random_uuid(), stream.id, 1,
                   '{"points": "many"}', 'service_record_verified', now(), '*DEFAULT*', null
            from stream
            returning seq_id
            """);
        await Credit(office, Seeded.LiJianguo);

        var state = await halted.Task.WaitAsync(TimeSpan.FromSeconds(90));
        state.ShardName.ShouldStartWith("ParticipationFact");
        (await Scalar($"select last_seq_id from \"{_app.Schema}\".mt_event_progression where name like 'ParticipationFact%'"))
            .ShouldBeLessThan(bad);
        (await Scalar($"select count(*) from \"{_app.Schema}\".mt_doc_deadletterevent")).ShouldBe(0);

        var report = await office.GetFromJsonAsync<ParticipationReport>(
            "/api/communities/lanhua/participation?period=2026-11", IntegrationContext.Json);
        report!.PersonTimes.ShouldBe(1); // 李建国's service, after the bad event, is not counted
        var health = System.Text.Json.Nodes.JsonNode.Parse(await office.GetStringAsync("/health"))!;
        health["checks"]!["projections"]!["data"]!["lag"]!.AsObject()
            .Single(l => l.Key.StartsWith("ParticipationFact")).Value!.GetValue<long>().ShouldBeGreaterThan(0);
        var fresh = await office.GetAsync("/api/communities/lanhua/participation?period=2026-11&fresh=true");
        fresh.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        fresh.Headers.RetryAfter.ShouldNotBeNull();
        (await fresh.Content.ReadAsStringAsync()).ShouldContain("projections_lagging");
    }

    private sealed class Watcher(Action<ShardState> onNext) : IObserver<ShardState>
    {
        public void OnNext(ShardState value) => onNext(value);
        public void OnError(Exception error) { }
        public void OnCompleted() { }
    }
}
