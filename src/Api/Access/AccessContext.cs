using System.Text.Json.Nodes;
using Marten;

namespace QunTuan.Api.Access;

/// <summary>What a locator may read to find the resource: route values, the JSON body, and the store.</summary>
public sealed class AccessContext(HttpContext http, IQuerySession session)
{
    private JsonObject? _body;
    private bool _bodyRead;

    public HttpContext Http { get; } = http;
    public IQuerySession Session { get; } = session;
    public CancellationToken Cancellation => Http.RequestAborted;

    public string? Route(string name) => Http.Request.RouteValues[name]?.ToString();

    public Guid? RouteId(string name) => Guid.TryParse(Route(name), out var id) ? id : null;

    /// <summary>The request body as JSON, read once from the buffered stream and rewound for the endpoint.</summary>
    public async ValueTask<JsonObject?> Body()
    {
        if (_bodyRead) return _body;
        _bodyRead = true;
        var request = Http.Request;
        if (request.ContentLength is 0 || !(request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
            return null;
        request.EnableBuffering();
        try
        {
            _body = await JsonNode.ParseAsync(request.Body, cancellationToken: Cancellation) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            _body = null; // the endpoint reports malformed JSON itself
        }
        finally
        {
            request.Body.Position = 0;
        }
        return _body;
    }

    public async ValueTask<Guid?> BodyId(string field) =>
        (await Body())?[field] is JsonValue value && value.TryGetValue<string>(out var text) &&
        Guid.TryParse(text, out var id)
            ? id
            : null;

    public async ValueTask<string?> BodyText(string field) =>
        (await Body())?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public async ValueTask<bool> BodyHas(string field) =>
        (await Body())?[field] is JsonValue value && !(value.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text));

    public async ValueTask<bool> BodyFlag(string field) =>
        (await Body())?[field] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
