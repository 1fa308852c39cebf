using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;

namespace QunTuan.Projections.Participation;

/// <summary>
/// One service record as participation statistics count it: one person-time (人次) when credited, of one
/// resident (人), in one activity session (次/场). Reports group these facts by period and dimension; an async
/// projection keeps them, so the write path never waits for statistics.
/// </summary>
public sealed record ParticipationFact(
    Guid Id,
    Guid CommunityId,
    Guid VolunteerId,
    string ActivityCode,
    LocalDate ServiceDate,
    int DayKey,
    int Year,
    string Quarter,
    string Month,
    string? SessionKey,
    bool Credited,
    int Points,
    int Minutes);

public sealed partial class ParticipationFactProjection : SingleStreamProjection<ParticipationFact, Guid>
{
    public ParticipationFact Create(ServiceRecordSubmitted e) =>
        new(e.RecordId, e.CommunityId, e.VolunteerId, e.ActivityCode, e.ServiceDate,
            ReportingPeriod.DayKey(e.ServiceDate), e.ServiceDate.Year, ReportingPeriod.QuarterKey(e.ServiceDate),
            ReportingPeriod.MonthKey(e.ServiceDate), Sessions.KeyOf(e), false, 0, 0);

    public ParticipationFact Apply(ServiceRecordVerified e, ParticipationFact fact) =>
        fact with { Credited = true, Points = e.Points, Minutes = e.Minutes };

    public ParticipationFact Apply(ServiceRecordReversed e, ParticipationFact fact) =>
        fact with { Credited = false, Points = 0, Minutes = 0 };
}

/// <summary>What one activity session (次/场) is.</summary>
public static class Sessions
{
    /// <summary>
    /// A patrol shift or a river patrol is one session however many took part. Services logged on the plain
    /// form count one session per activity, community and day (a clean-up morning, a clinic). A 1+3 visit to an
    /// elder is a care contact, not an organized session: it counts as a person-time and earns points, but no 场.
    /// </summary>
    public static string? KeyOf(ServiceRecordSubmitted e) => e.Origin switch
    {
        { Kind: ServiceOrigin.ElderVisit } => null,
        { } origin => $"{origin.Kind}:{origin.Id:N}",
        null => $"{e.CommunityId:N}:{e.ActivityCode}:{ReportingPeriod.DayKey(e.ServiceDate)}"
    };
}
