using System.Net;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Projections.ServiceRecords;

namespace QunTuan.Api.Tests.Idempotency;

public sealed class when_a_request_is_retried(AppFixture fixture) : Scenarios(fixture)
{
    private SubmitServiceRecordRequest Patrol(int minutes) =>
        new(Seeded.ZhangXiaomei, "CB01", Today, minutes);

    [Fact]
    public async Task the_same_key_and_body_returns_the_original_response_without_a_second_effect()
    {
        var key = Guid.NewGuid().ToString();
        var first = await Post("/api/service-records", Patrol(120), key);
        first.ShouldBe(HttpStatusCode.Created);
        var firstBody = await first.Content.ReadAsStringAsync();
        var events = await EventCount();

        var replay = await Post("/api/service-records", Patrol(120), key);

        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await replay.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        replay.Headers.Location.ShouldBe(first.Headers.Location);
        (await EventCount()).ShouldBe(events);
        (await Get<QunTuan.Api.Infrastructure.ResultPage<QueuedServiceRecord>>(
            "/api/communities/lanhua/service-records")).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task a_verification_replayed_after_it_succeeded_credits_once()
    {
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB02", Today);
        var key = "verify-" + recordId;

        var first = await Post($"/api/service-records/{recordId}/verify", idempotencyKey: key);
        var replay = await Post($"/api/service-records/{recordId}/verify", idempotencyKey: key);

        first.ShouldBe(HttpStatusCode.OK);
        replay.ShouldBe(HttpStatusCode.OK); // not 409: the client sees the outcome of its own request
        (await replay.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await Balance(Seeded.ZhangXiaomei)).Available.ShouldBe(20);
    }

    [Fact]
    public async Task the_patrol_elder_and_river_routes_replay_their_first_response_too()
    {
        var start = App.Clock.GetCurrentInstant().Plus(NodaTime.Duration.FromMinutes(5));
        var schedule = new QunTuan.Api.Patrols.SchedulePatrolShiftRequest("lanhua", "兰花路巡线", start,
            start.Plus(NodaTime.Duration.FromHours(2)));
        var shiftId = await RetriedOnce("/api/patrol-shifts", schedule, r => r.GetProperty("shiftId").GetGuid());
        await RetriedOnce($"/api/patrol-shifts/{shiftId}/check-ins",
            new QunTuan.Api.Patrols.CheckInRequest(Seeded.ZhangXiaomei));
        await RetriedOnce("/api/elders/00000000-0000-7000-9000-000000000001/visits",
            new QunTuan.Api.ElderCare.LogElderVisitRequest(Seeded.ZhangXiaomei, Today, 25,
                QunTuan.Ledger.ElderCare.Wellbeing.Ok, "陪老人聊天"));
        await RetriedOnce("/api/river-teams/00000000-0000-7000-8000-0000000a0001/patrols",
            new QunTuan.Api.RiverGuarding.RecordRiverPatrolRequest(Guid.Parse("00000000-0000-7000-8000-0000000a1001"),
                Today.PlusDays(-1), new NodaTime.LocalTime(8, 0), new NodaTime.LocalTime(9, 30), [Seeded.LiJianguo], [],
                CreditNow: true));

        (await Balance(Seeded.LiJianguo)).Available.ShouldBe(15); // the river patrol credited once
    }

    /// <summary>Sends the same request twice with one key: the second gets the first's status and body and writes
    /// nothing.</summary>
    private async Task<Guid> RetriedOnce(string url, object body, Func<System.Text.Json.JsonElement, Guid>? id = null)
    {
        var key = Guid.NewGuid().ToString();
        var first = await Post(url, body, key);
        first.IsSuccessStatusCode.ShouldBeTrue(await first.Content.ReadAsStringAsync());
        var firstBody = await first.Content.ReadAsStringAsync();
        var events = await EventCount();

        var replay = await Post(url, body, key);

        replay.StatusCode.ShouldBe(first.StatusCode, url);
        (await replay.Content.ReadAsStringAsync()).ShouldBe(firstBody, url);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"], url);
        (await EventCount()).ShouldBe(events, url);
        return id is null ? Guid.Empty : id(System.Text.Json.JsonDocument.Parse(firstBody).RootElement);
    }

    [Fact]
    public async Task formatting_does_not_make_a_different_request()
    {
        var key = Guid.NewGuid().ToString();
        var body = $$"""{"volunteerId":"{{Seeded.ZhangXiaomei}}","activityCode":"CB02","serviceDate":"2026-11-23"}""";
        var spaced = $$"""{ "volunteerId" : "{{Seeded.ZhangXiaomei}}",  "activityCode": "CB02", "serviceDate": "2026-11-23" }""";

        (await Send(HttpMethod.Post, "/api/service-records", body, key)).ShouldBe(HttpStatusCode.Created);
        var replay = await Send(HttpMethod.Post, "/api/service-records", spaced, key);

        replay.ShouldBe(HttpStatusCode.Created);
        replay.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
    }

    [Fact]
    public async Task the_same_key_with_a_different_body_is_refused_with_422()
    {
        var key = Guid.NewGuid().ToString();
        (await Post("/api/service-records", Patrol(120), key)).ShouldBe(HttpStatusCode.Created);
        var events = await EventCount();

        var reused = await Post("/api/service-records", Patrol(180), key);

        await reused.ShouldBeProblem(422, "idempotency_key_reused", "Idempotency-Key");
        (await EventCount()).ShouldBe(events);
    }

    [Fact]
    public async Task the_same_key_on_another_route_is_a_different_request()
    {
        var key = Guid.NewGuid().ToString();
        var recordId = await SubmitRecord(Seeded.ZhangXiaomei, "CB02", Today);
        (await Post($"/api/service-records/{recordId}/verify", idempotencyKey: key)).ShouldBe(HttpStatusCode.OK);

        var other = await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/adjustments",
            new QunTuan.Api.Volunteers.AdjustPointsRequest(5, QunTuan.Ledger.Volunteers.CorrectionReason.Goodwill, "谢谢"),
            key);

        await other.ShouldBeProblem(422, "idempotency_key_reused", "Idempotency-Key");
    }

    [Fact]
    public async Task a_refused_request_stores_nothing_so_a_corrected_retry_is_not_blocked_by_its_key()
    {
        var key = Guid.NewGuid().ToString();
        var refused = await Post("/api/service-records", new SubmitServiceRecordRequest(Seeded.ZhangXiaomei, "CB01",
            Today, 30), key);
        await refused.ShouldBeProblem(422, "duration_below_minimum", "durationMinutes");

        // Same key and same body again: nothing was committed, so it is evaluated again, not replayed.
        var again = await Post("/api/service-records", new SubmitServiceRecordRequest(Seeded.ZhangXiaomei, "CB01",
            Today, 30), key);
        await again.ShouldBeProblem(422, "duration_below_minimum", "durationMinutes");
        again.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task concurrent_requests_with_one_key_have_exactly_one_effect()
    {
        var key = Guid.NewGuid().ToString();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => Post("/api/service-records", Patrol(120), key)));

        attempts.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        attempts.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        foreach (var conflict in attempts.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            await conflict.ShouldBeProblem(409, "idempotency_key_in_use", "Idempotency-Key");
        var created = await Task.WhenAll(attempts.Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(r => r.Content.ReadAsStringAsync()));
        created.Distinct().Count().ShouldBe(1);
        (await Get<QunTuan.Api.Infrastructure.ResultPage<QueuedServiceRecord>>(
            "/api/communities/lanhua/service-records")).TotalCount.ShouldBe(1);
    }
}
