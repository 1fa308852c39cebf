using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marten;
using Npgsql;
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
        await Store.Advanced.ResetAllData();
        Client = App.CreateClient();
        Client.DefaultRequestHeaders.Add(Actor.Header, "clerk-li");
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }

    protected Task<HttpResponseMessage> Post(string url, object? body = null, string? idempotencyKey = null,
        string? actor = null) =>
        Send(HttpMethod.Post, url, body is null ? null : JsonSerializer.Serialize(body, Json), idempotencyKey, actor);

    protected async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? rawJson,
        string? idempotencyKey = null, string? actor = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (rawJson is not null)
            request.Content = new StringContent(rawJson, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (actor is not null)
        {
            request.Headers.Remove(Actor.Header);
            request.Headers.Add(Actor.Header, actor);
        }
        return await Client.SendAsync(request);
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
