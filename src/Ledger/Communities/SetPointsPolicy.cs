using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using Wolverine;

namespace QunTuan.Ledger.Communities;

public sealed record SetPointsPolicy(
    Guid CommunityId,
    Duration DecisionWindow,
    Duration CollectionWindow,
    int? ExpireAfterYears,
    string Actor);

public static class SetPointsPolicyDecider
{
    public static readonly Duration MaxDecisionWindow = Duration.FromDays(90);
    public static readonly Duration MaxCollectionWindow = Duration.FromDays(180);
    public const int MaxExpiryYears = 10;

    /// <summary>The new policy, or nothing when it is the one already in force.</summary>
    public static PointsPolicySet? Decide(SetPointsPolicy command, Community community, Instant now)
    {
        if (command.DecisionWindow < Duration.FromSeconds(1) || command.DecisionWindow > MaxDecisionWindow)
            throw LedgerRuleViolation.Invalid("decision_window_out_of_range",
                "审批期限须在 1 秒到 90 天之间 / decisionWindow must be between 1 second and 90 days", "decisionWindow");
        if (command.CollectionWindow < Duration.FromSeconds(1) || command.CollectionWindow > MaxCollectionWindow)
            throw LedgerRuleViolation.Invalid("collection_window_out_of_range",
                "领取期限须在 1 秒到 180 天之间 / collectionWindow must be between 1 second and 180 days",
                "collectionWindow");
        if (command.ExpireAfterYears is < 0 or > MaxExpiryYears)
            throw LedgerRuleViolation.Invalid("expiry_years_out_of_range",
                $"积分有效年限须在 0 到 {MaxExpiryYears} 之间，或留空表示不过期 / expireAfterYears must be between 0 and {MaxExpiryYears}, or null for no expiry",
                "expireAfterYears");

        var wanted = new PointsPolicy(command.DecisionWindow, command.CollectionWindow, command.ExpireAfterYears);
        if (community.Points == wanted) return null;
        return new PointsPolicySet(community.Id, wanted.DecisionWindow, wanted.CollectionWindow,
            wanted.ExpireAfterYears, community.PolicyRevision + 1, now, command.Actor);
    }
}

public static class SetPointsPolicyHandler
{
    public static async Task<PointsPolicy> Handle(SetPointsPolicy command, IDocumentSession session, IClock clock,
        IMessageBus bus, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Community>(command.CommunityId, ct);
        var community = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId);
        var now = clock.GetCurrentInstant();
        if (SetPointsPolicyDecider.Decide(command, community, now) is not { } set) return community.Points;

        stream.AppendOne(set);
        // Each revision schedules its own yearly sweep; sweeps of older revisions find themselves stale and stop.
        if (set.ExpireAfterYears is not null)
            await SweepExpiredPointsHandler.ScheduleNext(bus, community.Id, set.Revision, now);
        return community.Apply(set).Points;
    }
}
