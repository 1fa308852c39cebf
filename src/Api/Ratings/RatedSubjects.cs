using Marten;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.Ratings;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Patrols;
using QunTuan.Projections.RiverGuarding;
using QunTuan.Projections.ServiceRecords;

namespace QunTuan.Api.Ratings;

/// <summary>Finds what was rated on the read side: its community, team, date and whether it is finished.</summary>
public static class RatedSubjects
{
    public static async Task<RatedSubjectFacts?> Find(IQuerySession session, RatedSubject kind, Guid id,
        CancellationToken ct) => kind switch
    {
        RatedSubject.PatrolShift => await session.LoadAsync<PatrolShiftView>(id, ct) is { } s
            ? new RatedSubjectFacts(s.CommunityId, s.TeamId, s.ServiceDate, s.Status == PatrolShiftStatus.Closed)
            : null,
        RatedSubject.RiverPatrol => await session.LoadAsync<RiverPatrolView>(id, ct) is { } p
            ? new RatedSubjectFacts(p.CommunityId, p.TeamId, p.ServiceDate, true)
            : null,
        _ => await session.LoadAsync<ServiceRecordView>(id, ct) is { } r
            ? new RatedSubjectFacts(r.CommunityId, null, r.ServiceDate, r.Status == ServiceRecordStatus.Credited)
            : null
    };

    public static LedgerRuleViolation NotFound(RatedSubject kind, object id) => LedgerRuleViolation.NotFound(kind switch
    {
        RatedSubject.PatrolShift => "patrol_shift",
        RatedSubject.RiverPatrol => "river_patrol",
        _ => "service_record"
    }, id, "subjectId");
}
