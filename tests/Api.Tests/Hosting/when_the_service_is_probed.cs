using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json.Nodes;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Hosting;

public sealed class when_the_service_is_probed(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task health_reports_the_database()
    {
        var response = await Client.GetAsync("/health");

        response.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["status"]!.GetValue<string>().ShouldBe("Healthy");
        body["checks"]!["database"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task health_reports_how_far_each_async_projection_trails()
    {
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(Guid.NewGuid(), new QunTuan.Ledger.Ratings.ServiceRated(Guid.NewGuid(),
                Seeded.Lanhua, QunTuan.Ledger.Ratings.RatedSubject.ServiceRecord, Guid.NewGuid(), null,
                new NodaTime.LocalDate(2026, 11, 20), QunTuan.Ledger.Ratings.Satisfaction.Satisfied, null,
                App.Clock.GetCurrentInstant(), "test"));
            await session.SaveChangesAsync();
        }
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(Store, TimeSpan.FromSeconds(30));

        var body = JsonNode.Parse(await Client.GetStringAsync("/health"))!;
        var projections = body["checks"]!["projections"]!;

        projections["status"]!.GetValue<string>().ShouldBe("Healthy");
        projections["data"]!["highWaterMark"]!.GetValue<long>().ShouldBeGreaterThan(0);
        projections["data"]!["deadLetters"]!.GetValue<long>().ShouldBe(0);
        var lag = projections["data"]!["lag"]!.AsObject();
        lag.Select(l => l.Key).ShouldContain(k => k.StartsWith("ParticipationFact"));
        lag.Select(l => l.Key).ShouldContain(k => k.StartsWith("RatingFact"));
        lag.ShouldAllBe(l => l.Value!.GetValue<long>() == 0);

        // The same reading is the gauge quntuan.projections.lag, one measurement per shard, of this host's meter.
        var meters = App.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var measured = new Dictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "quntuan.projections.lag") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "shard") measured[(string)tag.Value!] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        measured.Keys.ShouldBe(lag.Select(l => l.Key), ignoreOrder: true);
        measured.Values.ShouldAllBe(v => v == 0);
    }

    [Fact]
    public async Task the_openapi_document_lists_every_route()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();

        string[] expected =
        [
            "/api/activities", "/api/activities/{code}", "/api/activities/{code}/rules",
            "/api/communities", "/api/communities/{communityId}", "/api/communities/{communityId}/volunteers",
            "/api/communities/{communityId}/service-records", "/api/volunteers/{volunteerId}",
            "/api/volunteers/{volunteerId}/balance", "/api/volunteers/{volunteerId}/statement",
            "/api/volunteers/{volunteerId}/adjustments", "/api/service-records", "/api/service-records/{recordId}",
            "/api/service-records/{recordId}/verify", "/api/service-records/{recordId}/reject",
            "/api/service-records/{recordId}/reversal",
            "/api/river-teams", "/api/river-teams/{teamId}", "/api/river-teams/{teamId}/members",
            "/api/river-teams/{teamId}/segments", "/api/river-teams/{teamId}/patrols", "/api/river-patrols/{patrolId}",
            "/api/river-findings/{findingId}", "/api/river-findings/{findingId}/resolve",
            "/api/communities/{communityId}/catalog", "/api/catalog-items/{itemId}/restock", "/api/redemptions",
            "/api/redemptions/{redemptionId}/approve", "/api/redemptions/{redemptionId}/fulfil",
            "/api/communities/{communityId}/redemptions", "/api/volunteers/{volunteerId}/redemptions",
            "/api/volunteers/{volunteerId}/donations", "/api/communities/{communityId}/chest",
            "/api/communities/{communityId}/points-policy"
        ];
        expected.Where(p => !paths.Contains(p)).ShouldBeEmpty();
        // Durations travel as NodaTime writes them: hours, minutes and seconds.
        var window = document["components"]!["schemas"]!["Duration"]!;
        (window["type"]!.ToString(), window["format"]!.ToString()).ShouldBe(("string", "duration"));
        "168:00:00".ShouldMatch(window["pattern"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_api_reference_is_served_at_docs()
    {
        var response = await Client.GetAsync("/docs/");

        response.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"url\":\"openapi/v1.json\"");
        (await Client.GetAsync("/docs/scalar.js")).ShouldBe(HttpStatusCode.OK);
    }
}
