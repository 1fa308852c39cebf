using Marten;
using NodaTime;
using QunTuan.Api.Identity;
using QunTuan.Api.Idempotency;

namespace QunTuan.Api.Infrastructure;

/// <summary>
/// Wolverine middleware on every state-changing endpoint. It runs on the endpoint's own Marten session, so what
/// it adds commits atomically with the endpoint's events: the acting user and correlation id as event metadata,
/// and the idempotency key claim.
/// </summary>
public static class RequestSessionMiddleware
{
    public static void Before(HttpContext context, IDocumentSession session, IClock clock)
    {
        session.LastModifiedBy = Actor.Of(context);
        if (CurrentUser.From(context.User) is { } user) session.SetHeader("user-id", user.Id.ToString());
        session.CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

        if (context.Items[IdempotencyClaim.ItemKey] is IdempotencyClaim claim)
            session.Insert(new IdempotencyRecord(claim.Key, claim.RequestHash, claim.Method, claim.Path,
                clock.GetCurrentInstant()));
    }
}
