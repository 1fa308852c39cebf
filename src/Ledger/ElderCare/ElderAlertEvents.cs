using NodaTime;

namespace QunTuan.Ledger.ElderCare;

// An alert has a stream of its own, started by the visit that raised it: the office acknowledges it by its
// own id without queueing behind the visits being logged on the elder's stream.

/// <summary>A helper found the elder in need (or in an emergency) and the office must follow up.</summary>
public sealed record ElderAlertRaised(
    Guid AlertId,
    Guid ElderId,
    Guid CommunityId,
    Guid VisitId,
    Guid VolunteerId,
    AlertSeverity Severity,
    LocalDate VisitDate,
    string? Note,
    Instant RaisedAt,
    string RaisedBy);

/// <summary>The office took the alert in hand and says what was done.</summary>
public sealed record ElderAlertAcknowledged(
    Guid AlertId,
    Guid ElderId,
    string Note,
    Instant AcknowledgedAt,
    string AcknowledgedBy);
