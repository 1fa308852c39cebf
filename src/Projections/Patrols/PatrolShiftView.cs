using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Patrols;

namespace QunTuan.Projections.Patrols;

/// <summary>One participant of a shift. The counted minutes, record and reason are filled in when it closes.</summary>
public sealed record PatrolParticipantView(
    Guid VolunteerId,
    CheckInMethod CheckInMethod,
    Instant CheckedInAt,
    string CheckedInBy,
    Instant? CheckedOutAt = null,
    string? CheckedOutBy = null,
    int? CountedMinutes = null,
    Guid? RecordId = null,
    PatrolNotCreditedReason? NotCredited = null);

public sealed record PatrolIncidentView(
    Guid IncidentId,
    PatrolIncidentKind Kind,
    string Description,
    Instant ReportedAt,
    string ReportedBy);

/// <summary>
/// A patrol shift as organizers and the office see it. <see cref="PersonTimes"/> (人次) counts participants,
/// the figure the community reports. The check-in code is shown to every reader for now (issue 4 narrows that).
/// </summary>
public sealed record PatrolShiftView(
    Guid Id,
    Guid CommunityId,
    Guid? TeamId,
    string? TeamName,
    string Area,
    string ActivityCode,
    Instant PlannedStart,
    Instant PlannedEnd,
    LocalDate ServiceDate,
    string CheckInCode,
    Instant SelfCheckInOpensAt,
    PatrolShiftStatus Status,
    Instant ScheduledAt,
    string ScheduledBy,
    IReadOnlyList<PatrolParticipantView> Participants,
    IReadOnlyList<PatrolIncidentView> Incidents,
    int PersonTimes = 0,
    bool? CreditNow = null,
    int? MinimumMinutes = null,
    Instant? ClosedAt = null,
    string? ClosedBy = null);

public sealed partial class PatrolShiftViewProjection : SingleStreamProjection<PatrolShiftView, Guid>
{
    public PatrolShiftView Create(PatrolShiftScheduled e) =>
        new(e.ShiftId, e.CommunityId, e.TeamId, e.TeamName, e.Area, e.ActivityCode, e.PlannedStart, e.PlannedEnd,
            e.ServiceDate, e.CheckInCode, PatrolTime.SelfCheckInOpensAt(e.PlannedStart), PatrolShiftStatus.Scheduled,
            e.ScheduledAt, e.ScheduledBy, [], []);

    public PatrolShiftView Apply(PatrolCheckedIn e, PatrolShiftView v) =>
        v with
        {
            Participants = [..v.Participants, new PatrolParticipantView(e.VolunteerId, e.Method, e.CheckedInAt,
                e.CheckedInBy)],
            PersonTimes = v.Participants.Count + 1
        };

    public PatrolShiftView Apply(PatrolCheckedOut e, PatrolShiftView v) =>
        v with
        {
            Participants = v.Participants
                .Select(p => p.VolunteerId == e.VolunteerId
                    ? p with { CheckedOutAt = e.CheckedOutAt, CheckedOutBy = e.CheckedOutBy }
                    : p)
                .ToList()
        };

    public PatrolShiftView Apply(PatrolIncidentRecorded e, PatrolShiftView v) =>
        v with
        {
            Incidents = [..v.Incidents, new PatrolIncidentView(e.IncidentId, e.Kind, e.Description, e.ReportedAt,
                e.ReportedBy)]
        };

    public PatrolShiftView Apply(PatrolShiftClosed e, PatrolShiftView v)
    {
        var outcomes = e.Participants.ToDictionary(p => p.VolunteerId);
        return v with
        {
            Status = PatrolShiftStatus.Closed,
            CreditNow = e.CreditNow,
            MinimumMinutes = e.MinimumMinutes,
            ClosedAt = e.ClosedAt,
            ClosedBy = e.ClosedBy,
            Participants = v.Participants
                .Select(p => outcomes.TryGetValue(p.VolunteerId, out var o)
                    ? p with { CountedMinutes = o.CountedMinutes, RecordId = o.RecordId, NotCredited = o.NotCredited }
                    : p)
                .ToList()
        };
    }
}
