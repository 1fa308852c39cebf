using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using NodaTime;
using NodaTime.Text;
using NodaTime.Serialization.SystemTextJson;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.Certificates;
using QunTuan.Ledger.Beneficiaries;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Chest;
using QunTuan.Ledger.Redemptions;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.RiverGuarding;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Volunteers;
using Weasel.Core;

namespace QunTuan.Ledger;

public static class LedgerMartenSetup
{
    public static readonly IPattern<Instant> SortableInstant =
        InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffff'Z'");

    /// <summary>Event store conventions and the write models (decision state) of every stream. Set the schema name
    /// first: the audit chain's table is created next to the events.</summary>
    public static StoreOptions AddLedger(this StoreOptions opts)
    {
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, configure: o =>
        {
            o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            // Fixed-width instants (always nine fraction digits) sort correctly as text inside PostgreSQL.
            o.Converters.Insert(0, new NodaPatternConverter<Instant>(SortableInstant));
        });

        // Rich append: inline projections see real versions and sequences (quick append leaves them 0),
        // and the statement shows the stream version of each movement.
        opts.Events.AppendMode = EventAppendMode.Rich;
        // Avoids the unpatched DistributedLock path that fails with multiplexed data sources (see STACK.md).
        opts.Events.UseAdvisoryLockTransaction = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;

        // Deciders are pure and state records are immutable, so the identity map buys nothing and its
        // Marten 9 default can double-apply events to a fetched aggregate (marten#4439).
        opts.Projections.UseIdentityMapForAggregates = false;

        opts.Events.AddEventTypes([
            typeof(CommunityRegistered), typeof(QunTuan.Ledger.Ratings.ServiceRated),
            typeof(ActivityDefined), typeof(PointRulePublished),
            typeof(VolunteerRegistered), typeof(VolunteerErased), typeof(PointsCredited), typeof(ServiceCreditReversed), typeof(PointsAdjusted),
            typeof(ServiceRecordSubmitted), typeof(ServiceRecordVerified), typeof(ServiceRecordRejected),
            typeof(ServiceRecordReversed),
            typeof(PatrolTeamFormed), typeof(PatrolTeamMemberJoined),
            typeof(PatrolShiftScheduled), typeof(PatrolCheckedIn), typeof(PatrolCheckedOut),
            typeof(PatrolIncidentRecorded), typeof(PatrolShiftClosed),
            typeof(RiverTeamFormed), typeof(RiverTeamMemberJoined), typeof(RiverSegmentAdded),
            typeof(RiverPatrolRecorded), typeof(RiverFindingReported), typeof(RiverFindingResolved),
            typeof(ElderRegistered), typeof(ElderHelperPaired), typeof(ElderHelperUnpaired), typeof(ElderVisitLogged),
            typeof(ElderAlertRaised), typeof(ElderAlertAcknowledged),
            typeof(CertificateIssued),
            typeof(PointsPolicySet),
            typeof(PointsHeld), typeof(PointsReleased), typeof(PointsCaptured), typeof(PointsRefunded),
            typeof(PointsDonated), typeof(PointsExpired),
            typeof(CatalogItemListed), typeof(CatalogItemRestocked), typeof(CatalogSlotAdded),
            typeof(CatalogItemRepriced), typeof(CatalogItemDelisted), typeof(CatalogUnitReserved),
            typeof(CatalogUnitReleased), typeof(CatalogUnitConsumed), typeof(CatalogUnitReturned),
            typeof(RedemptionRequested), typeof(RedemptionApproved), typeof(RedemptionRejected),
            typeof(RedemptionCancelled), typeof(RedemptionExpired), typeof(RedemptionFulfilled),
            typeof(RedemptionRefunded),
            typeof(ChestOpened), typeof(ChestDonationReceived), typeof(ChestExpiredPointsReceived),
            typeof(ChestPointsHeld), typeof(ChestPointsReleased), typeof(ChestPointsCaptured),
            typeof(ChestPointsRefunded),
            typeof(HouseholdRegistered)
        ]);

        // Write models are snapshotted inline so a fetch for writing reads one document, not a whole stream.
        opts.Projections.Snapshot<Community>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Activity>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<VolunteerAccount>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<ServiceRecord>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<PatrolTeam>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<PatrolShift>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<RiverTeam>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<RiverFinding>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Elder>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<ElderAlert>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Certificate>(SnapshotLifecycle.Inline);

        // Every appended event is linked into its community's hash chain in the same transaction.
        opts.AddAuditChain();
        opts.Projections.Snapshot<CatalogItem>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Redemption>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CommunityChest>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Household>(SnapshotLifecycle.Inline);
        // The yearly expiry sweep finds a community's accounts by their decision state.
        opts.Schema.For<VolunteerAccount>().Index(x => x.CommunityId);
        return opts;
    }
}
