using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marten;
using NodaTime;
using QunTuan.Api.Identity;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Privacy;

namespace QunTuan.Api.Idempotency;

/// <summary>
/// Replays state-changing requests that carry an <c>Idempotency-Key</c>: the same key with the same request
/// returns the original status and body without a second effect; the same key with a different request is a 422.
/// The key itself is claimed inside the request's own transaction (<see cref="RequestSessionMiddleware"/>).
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context, IDocumentStore store, IClock clock, PersonalDataProtector protector)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await Problems.Write(context, Problems.Create(context, 400, "invalid_idempotency_key",
                $"{Header} 须为 1-{MaxKeyLength} 个可见 ASCII 字符 / {Header} must be 1-{MaxKeyLength} visible ASCII characters",
                Header));
            return;
        }

        var path = context.Request.Path + context.Request.QueryString;
        var hash = await HashRequest(context.Request, path);
        // Keys are per user: two users choosing the same key never see each other's responses.
        key = $"{CurrentUser.From(context.User)?.Id.ToString() ?? Actor.Anonymous}:{key}";

        await using (var query = store.QuerySession())
        {
            var existing = await query.LoadAsync<IdempotencyRecord>(key, context.RequestAborted);
            if (existing is not null)
            {
                await Replay(context, existing, hash, protector);
                return;
            }
        }

        context.Items[IdempotencyClaim.ItemKey] = new IdempotencyClaim(key, hash, context.Request.Method, path);

        var originalBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = originalBody;
            captured.Position = 0;
            await captured.CopyToAsync(originalBody, context.RequestAborted);
        }

        if (context.Response.StatusCode < 500)
            await Complete(context, store, clock, protector, key, hash, captured.ToArray());
    }

    private static async Task Replay(HttpContext context, IdempotencyRecord existing, string hash,
        PersonalDataProtector protector)
    {
        if (existing.RequestHash != hash)
        {
            await Problems.Write(context, Problems.Create(context, 422, "idempotency_key_reused",
                $"该 {Header} 已用于另一个请求 / this {Header} was already used for a different request", Header));
            return;
        }
        if (existing.StatusCode is not { } status)
        {
            context.Response.Headers.RetryAfter = "1";
            await Problems.Write(context, Problems.Create(context, 409, "idempotency_key_in_use",
                "同一幂等键的请求正在处理，请稍后重试 / a request with this Idempotency-Key is being processed; retry shortly",
                Header));
            return;
        }

        context.Response.StatusCode = status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (existing.Location is not null) context.Response.Headers.Location = existing.Location;
        if (existing.ContentType is not null) context.Response.ContentType = existing.ContentType;
        if (existing.Body is not null)
            await context.Response.WriteAsync(
                existing.BodySealed ? protector.Open(Guid.Empty, SealedField(existing.Id), existing.Body) : existing.Body,
                context.RequestAborted);
    }

    // The record's own key is bound into the ciphertext: a body copied onto another record does not open.
    private static string SealedField(string key) => $"idempotency/{key}";

    // Records the response only if the claim was committed with the request's transaction; a request that
    // failed before committing leaves no record, so a retry runs again.
    private static async Task Complete(HttpContext context, IDocumentStore store, IClock clock,
        PersonalDataProtector protector, string key, string hash, byte[] body)
    {
        await using var session = store.LightweightSession();
        var claimed = await session.LoadAsync<IdempotencyRecord>(key, context.RequestAborted);
        if (claimed is null || claimed.RequestHash != hash || claimed.StatusCode is not null) return;

        session.Store(claimed with
        {
            StatusCode = context.Response.StatusCode,
            ContentType = context.Response.ContentType,
            Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            Body = protector.Seal(Guid.Empty, SealedField(key), Encoding.UTF8.GetString(body)),
            BodySealed = true,
            CompletedAt = clock.GetCurrentInstant()
        });
        await session.SaveChangesAsync(context.RequestAborted);
    }

    private static async Task<string> HashRequest(HttpRequest request, string path)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;

        var canonical = Canonical(buffer.ToArray());
        var input = Encoding.UTF8.GetBytes($"{request.Method} {path}\n").Concat(canonical).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    // Whitespace and formatting do not make a different request; field values do.
    private static byte[] Canonical(byte[] body)
    {
        if (body.Length == 0) return body;
        try
        {
            return Encoding.UTF8.GetBytes(JsonNode.Parse(body)?.ToJsonString() ?? "null");
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
