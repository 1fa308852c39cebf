using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QunTuan.Api.Identity;
using QunTuan.Api.Infrastructure;

namespace QunTuan.Api.Tests.Infrastructure;

/// <summary>
/// Base of every API test: before each test the store is wiped and re-seeded and the clock is set back,
/// so each test starts from the seeded Lanhua community whatever ran before it.
/// </summary>
[Collection("api")]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    protected AppFactory App => fixture.Factory;
    protected IDocumentStore Store => App.Store;
    protected HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        App.Clock.Reset(AppFactory.DefaultNow);
        // A replay started by the previous test must not copy a store being wiped.
        await App.Services.GetRequiredService<QunTuan.Api.Audit.ReplayRunner>().WhenIdle();
        // Pauses the async daemon around the wipe, so no projection sees half a reset.
        await App.Services.ResetAllMartenDataAsync();
        _seededEvents = await EventCount();
        Client = App.ClientFor(TestUsers.Office());
    }

    private long _seededEvents;

    /// <summary>
    /// After every test that wrote anything, the ledger invariants I1-I8 (I6 is left to the replay tests) must hold
    /// over the whole store, and no event may hold a phone or ID-card number. Tests that corrupt the store on
    /// purpose, with SQL, turn this off.
    /// </summary>
    protected virtual bool LedgerMustStaySound => true;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (!LedgerMustStaySound || await EventCount() == _seededEvents) return;
        var report = await QunTuan.Projections.Audit.InvariantCheck.RunAsync(Store, App.Clock.GetCurrentInstant(),
            samplePerType: 0);
        report.AllHold.ShouldBeTrue(string.Join("\n", report.Invariants.Where(i => !i.Holds).Select(i => $"{i.Id}: {i.Summary}")));
        // Whatever the test did, no phone or ID-card number reached an event.
        (await PersonalDataScan.RunAsync(App.Schema)).Offending.ShouldBeEmpty();
    }

    /// <summary>Posts as the default office clerk, or as office clerk <paramref name="actor"/>, or as <paramref name="user"/>.</summary>
    protected Task<HttpResponseMessage> Post(string url, object? body = null, string? idempotencyKey = null,
        string? actor = null, UserAccount? user = null) =>
        Send(HttpMethod.Post, url, body is null ? null : JsonSerializer.Serialize(body, Json), idempotencyKey, actor,
            user: user);

    protected async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? rawJson,
        string? idempotencyKey = null, string? actor = null, string contentType = "application/json",
        UserAccount? user = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (rawJson is not null)
            request.Content = new StringContent(rawJson, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if ((user ?? (actor is null ? null : TestUsers.Office(actor))) is { } who)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", App.TokenFor(who));
        return await Client.SendAsync(request);
    }

    protected async Task<T> GetAs<T>(UserAccount user, string url)
    {
        using var client = App.ClientFor(user);
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    protected async Task<T> Get<T>(string url)
    {
        var response = await Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    protected static async Task<T> Read<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    protected static async Task<JsonObject> ReadObject(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Every event in the store: tests use it to prove a refused request wrote nothing.</summary>
    protected async Task<long> EventCount()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from \"{App.Schema}\".mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        return options;
    }
}
