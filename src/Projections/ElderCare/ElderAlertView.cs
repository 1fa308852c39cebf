using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.ElderCare;

namespace QunTuan.Projections.ElderCare;

/// <summary>
/// An alert as the office sees it. <see cref="Rank"/> is the severity as a number (emergency above needs help)
/// so the open list sorts most severe first inside PostgreSQL.
/// </summary>
public sealed record ElderAlertView(
    Guid Id,
    Guid ElderId,
    Guid CommunityId,
    Guid VisitId,
    Guid VolunteerId,
    AlertSeverity Severity,
    int Rank,
    LocalDate VisitDate,
    string? VisitNote,
    Instant RaisedAt,
    string RaisedBy,
    bool Open,
    string? AcknowledgementNote = null,
    Instant? AcknowledgedAt = null,
    string? AcknowledgedBy = null);

public sealed partial class ElderAlertViewProjection : SingleStreamProjection<ElderAlertView, Guid>
{
    public ElderAlertView Create(ElderAlertRaised e) =>
        new(e.AlertId, e.ElderId, e.CommunityId, e.VisitId, e.VolunteerId, e.Severity, (int)e.Severity, e.VisitDate,
            e.Note, e.RaisedAt, e.RaisedBy, true);

    public ElderAlertView Apply(ElderAlertAcknowledged e, ElderAlertView view) =>
        view with
        {
            Open = false, AcknowledgementNote = e.Note, AcknowledgedAt = e.AcknowledgedAt,
            AcknowledgedBy = e.AcknowledgedBy
        };
}
