using Marten;
using Microsoft.Extensions.Logging;
using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Shared;
using Wolverine;

namespace QunTuan.Ledger.Volunteers;

/// <summary>
/// Expires what is due on every account of a community. Office staff may run it at any time; setting a policy
/// with expiry schedules it for the start of each year (<see cref="PolicyRevision"/> set: a sweep scheduled under
/// a policy that has since changed stops, because the change scheduled its own).
/// </summary>
public sealed record SweepExpiredPoints(Guid CommunityId, int? PolicyRevision = null, string Actor = RedemptionDeadlines.SystemActor);

public static class SweepExpiredPointsHandler
{
    public static async Task<PointsExpiry> Handle(SweepExpiredPoints message, IDocumentSession session, IClock clock,
        IMessageBus bus, ILogger<SweepExpiredPoints> logger, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var community = await session.Events.FetchLatest<Community>(message.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", message.CommunityId);
        var scheduled = message.PolicyRevision is not null;
        if (scheduled && (message.PolicyRevision != community.PolicyRevision || community.Points.ExpireAfterYears is null))
        {
            logger.LogInformation("Stale expiry sweep of {CommunityId} (policy revision {Revision}) dropped",
                message.CommunityId, message.PolicyRevision);
            return new PointsExpiry(community.Id, null, []);
        }

        var throughYear = community.Points.ExpiredThroughYear(ShanghaiCalendar.Today(now));
        var candidates = throughYear is { } year
            ? (await session.Query<VolunteerAccount>().Where(a => a.CommunityId == community.Id).ToListAsync(ct))
                .Where(a => a.ExpirableThrough(year) > 0).Select(a => a.Id).ToList()
            : [];
        var expiry = await ExpirePointsHandler.Expire(session, community, candidates, now, message.Actor, ct);
        if (scheduled) await ScheduleNext(bus, community.Id, community.PolicyRevision, now);
        return expiry;
    }

    /// <summary>Schedules the sweep for the first minute of next year in Shanghai.</summary>
    public static ValueTask ScheduleNext(IMessageBus bus, Guid communityId, int revision, Instant now)
    {
        var next = ShanghaiCalendar.StartOf(new LocalDate(ShanghaiCalendar.Today(now).Year + 1, 1, 1))
            .Plus(Duration.FromMinutes(1));
        return bus.ScheduleAsync(new SweepExpiredPoints(communityId, revision), RedemptionDeadlines.Delay(next, now));
    }
}
