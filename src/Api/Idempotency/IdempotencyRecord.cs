using NodaTime;

namespace QunTuan.Api.Idempotency;

/// <summary>
/// A used <c>Idempotency-Key</c>. It is inserted in the same transaction as the request's events, so the
/// effect and the key commit together or not at all; the response is filled in once it has been written.
/// Responses can hold one-time secrets (activation and pickup codes), so the body is sealed (AES-GCM, bound to the
/// key) and the record is deleted after the retention period (<see cref="IdempotencyRetention"/>).
/// </summary>
/// <param name="BodySealed">False only for records written before bodies were sealed.</param>
public sealed record IdempotencyRecord(
    string Id,
    string RequestHash,
    string Method,
    string Path,
    Instant CreatedAt,
    int? StatusCode = null,
    string? ContentType = null,
    string? Location = null,
    string? Body = null,
    Instant? CompletedAt = null,
    bool BodySealed = false);

/// <summary>What the HTTP middleware hands to the transactional part of the request.</summary>
public sealed record IdempotencyClaim(string Key, string RequestHash, string Method, string Path)
{
    public const string ItemKey = "qt.idempotency";
}
