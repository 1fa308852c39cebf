using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Volunteers;
using Wolverine;
using Wolverine.Http;

namespace QunTuan.Api.Communities;

/// <param name="ThroughYear">Points earned in this year or before expired; null when the community's points
/// never expire.</param>
public sealed record PointsSwept(Guid CommunityId, int? ThroughYear, int Accounts, int Points);

public static class SweepExpiredPointsEndpoint
{
    /// <summary>Office staff run the expiry sweep now (it also runs by itself at the start of each year): every
    /// account's expired points move to the community chest.</summary>
    [WolverinePost("/api/communities/{communityId}/points-expiry")]
    public static async Task<PointsSwept> Post(string communityId, HttpContext context, IDocumentSession session,
        IClock clock, IMessageBus bus, ILogger<SweepExpiredPoints> logger, CancellationToken ct)
    {
        var expiry = await SweepExpiredPointsHandler.Handle(
            new SweepExpiredPoints(CommunityRef.Resolve(communityId), Actor: Actor.Of(context)), session, clock, bus,
            logger, ct);
        return new PointsSwept(expiry.CommunityId, expiry.ThroughYear, expiry.Moves.Count, expiry.Points);
    }
}
