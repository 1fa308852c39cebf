using JasperFx.Events.Projections;
using Marten;
using QunTuan.Projections.Activities;
using QunTuan.Projections.Beneficiaries;
using QunTuan.Projections.Catalog;
using QunTuan.Projections.Chest;
using QunTuan.Projections.Redemptions;
using QunTuan.Projections.Communities;
using QunTuan.Projections.Participation;
using QunTuan.Projections.Patrols;
using QunTuan.Projections.Ratings;
using QunTuan.Projections.RiverGuarding;
using QunTuan.Projections.ElderCare;
using QunTuan.Projections.ServiceRecords;
using QunTuan.Projections.Statements;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Projections;

public static class ProjectionsMartenSetup
{
    /// <summary>Every read model and its lifecycle. Inline: the API reads them straight after a write.</summary>
    public static StoreOptions AddLedgerProjections(this StoreOptions opts)
    {
        opts.Projections.Add<CommunityViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ActivityViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<VolunteerProfileProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<VolunteerBalanceProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<StatementLineProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ServiceRecordViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<PatrolTeamViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<PatrolShiftViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<RiverTeamViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<RiverPatrolViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<RiverFindingViewProjection>(ProjectionLifecycle.Inline);
        // Inline although multi-stream: every write that touches a segment first locks its team's stream, so
        // two transactions never update one coverage document at once.
        opts.Projections.Add<RiverSegmentCoverageProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ElderViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ElderCoverageProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ElderAlertViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CatalogItemViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<RedemptionViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ChestViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ChestLineProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<HouseholdViewProjection>(ProjectionLifecycle.Inline);

        opts.Schema.For<CommunityView>().UniqueIndex(x => x.Code);
        opts.Schema.For<ActivityView>().UniqueIndex(x => x.Code);
        opts.Schema.For<VolunteerProfile>().Index(x => x.CommunityId);
        opts.Schema.For<StatementLine>().Index(x => x.VolunteerId).Index(x => x.Version);
        opts.Schema.For<ServiceRecordView>().Index(x => x.CommunityId).Index(x => x.Status).Index(x => x.SubmittedAt);
        opts.Schema.For<PatrolTeamView>().Index(x => x.CommunityId);
        opts.Schema.For<PatrolShiftView>().Index(x => x.CommunityId).Index(x => x.PlannedStart);
        opts.Schema.For<RiverTeamView>().Index(x => x.CommunityId);
        opts.Schema.For<RiverPatrolView>().Index(x => x.TeamId).Index(x => x.SegmentId);
        opts.Schema.For<RiverFindingView>().Index(x => x.TeamId).Index(x => x.SegmentId);
        opts.Schema.For<RiverSegmentCoverage>().Index(x => x.TeamId);
        opts.Schema.For<ElderView>().Index(x => x.CommunityId);
        opts.Schema.For<ElderCoverage>().Index(x => x.CommunityId).Index(x => x.LastSeenDay);
        opts.Schema.For<ElderAlertView>().Index(x => x.CommunityId).Index(x => x.Open).Index(x => x.RaisedAt);
        // Statistics run behind the write path, in the async daemon. They count points, so the daemon must stop
        // on a failing event rather than skip it (Marten skips by default in continuous mode).
        opts.Projections.Add<ParticipationFactProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add<RatingFactProjection>(ProjectionLifecycle.Async);
        opts.Projections.Errors.SkipApplyErrors = false;
        opts.Projections.Errors.SkipSerializationErrors = false;
        opts.Projections.Errors.SkipUnknownEvents = false;
        opts.Schema.For<ParticipationFact>()
            .Duplicate(x => x.CommunityId).Duplicate(x => x.VolunteerId).Duplicate(x => x.ActivityCode)
            .Duplicate(x => x.Year).Duplicate(x => x.Quarter).Duplicate(x => x.Month).Duplicate(x => x.DayKey)
            .Duplicate(x => x.SessionKey).Duplicate(x => x.Credited).Duplicate(x => x.Points).Duplicate(x => x.Minutes);
        opts.Schema.For<RatingFact>().Index(x => x.CommunityId).Index(x => x.Quarter);
        opts.Schema.For<CatalogItemView>().Index(x => x.CommunityId);
        opts.Schema.For<RedemptionView>().Index(x => x.CommunityId).Index(x => x.Status).Index(x => x.VolunteerId)
            .Index(x => x.RequestedAt);
        opts.Schema.For<ChestView>().UniqueIndex(x => x.CommunityId);
        opts.Schema.For<ChestLine>().Index(x => x.ChestId).Index(x => x.Version);
        opts.Schema.For<HouseholdView>().Index(x => x.CommunityId);
        return opts;
    }
}
