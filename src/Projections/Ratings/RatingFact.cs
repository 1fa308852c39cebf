using Marten.Events.Aggregation;
using QunTuan.Ledger.Ratings;
using QunTuan.Ledger.Shared;

namespace QunTuan.Projections.Ratings;

/// <summary>One rating, filed by community, team and period for the satisfaction rate (满意率).</summary>
public sealed record RatingFact(
    Guid Id,
    Guid CommunityId,
    Guid? TeamId,
    RatedSubject SubjectKind,
    int Year,
    string Quarter,
    string Month,
    Satisfaction Rating);

public sealed partial class RatingFactProjection : SingleStreamProjection<RatingFact, Guid>
{
    public RatingFact Create(ServiceRated e) =>
        new(e.RatingId, e.CommunityId, e.TeamId, e.SubjectKind, e.ServiceDate.Year, ReportingPeriod.QuarterKey(e.ServiceDate),
            ReportingPeriod.MonthKey(e.ServiceDate), e.Rating);
}
