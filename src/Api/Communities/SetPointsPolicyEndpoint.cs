using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Communities;
using Wolverine;
using Wolverine.Http;

namespace QunTuan.Api.Communities;

/// <param name="DecisionWindow">How long a request waits for the office before it expires, as hours, minutes and
/// seconds "H:mm:ss" (7 days: "168:00:00"; 30 seconds: "0:00:30").</param>
/// <param name="CollectionWindow">How long an approved item waits to be collected (30 days: "720:00:00").</param>
/// <param name="ExpireAfterYears">Points earned in year Y expire at the end of year Y + n; absent: never.</param>
public sealed record SetPointsPolicyRequest(Duration DecisionWindow, Duration CollectionWindow,
    int? ExpireAfterYears = null);

public static class SetPointsPolicyEndpoint
{
    [WolverinePut("/api/communities/{communityId}/points-policy")]
    public static async Task<PointsPolicy> Put(string communityId, SetPointsPolicyRequest request, HttpContext context,
        IDocumentSession session, IClock clock, IMessageBus bus, CancellationToken ct) =>
        await SetPointsPolicyHandler.Handle(
            new SetPointsPolicy(CommunityRef.Resolve(communityId), request.DecisionWindow, request.CollectionWindow,
                request.ExpireAfterYears, Actor.Of(context)), session, clock, bus, ct);
}
