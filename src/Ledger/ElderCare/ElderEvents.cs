using NodaTime;

namespace QunTuan.Ledger.ElderCare;

// The elder's stream is the 1+3 workflow: who is paired with the elder, when, and every visit they log.

/// <summary>An elder living alone became a beneficiary of a community's 1+3 pairing. No phone or ID-card
/// number, and no birth date: an age band is enough.</summary>
public sealed record ElderRegistered(
    Guid ElderId,
    Guid CommunityId,
    string DisplayName,
    AgeBand AgeBand,
    string Grid,
    Instant RegisteredAt,
    string RegisteredBy);

/// <summary>A volunteer took one of the elder's three helper places. They may log visits from that day on.</summary>
public sealed record ElderHelperPaired(
    Guid ElderId,
    Guid VolunteerId,
    HelperRole Role,
    Instant PairedAt,
    string PairedBy);

/// <summary>A volunteer left a helper place. Visits dated from that day on are no longer theirs to log.</summary>
public sealed record ElderHelperUnpaired(
    Guid ElderId,
    Guid VolunteerId,
    HelperRole Role,
    Instant UnpairedAt,
    string UnpairedBy);

/// <summary>
/// A paired helper visited the elder. The outcome is part of the fact: the service record it created
/// (<paramref name="RecordId"/>, null when none), the points that record earned, and
/// <paramref name="Reason"/> when it earned less than a full visit. <paramref name="AlertId"/> names the alert
/// the visit raised, if the elder was not well.
/// </summary>
public sealed record ElderVisitLogged(
    Guid ElderId,
    Guid VisitId,
    Guid VolunteerId,
    HelperRole Role,
    LocalDate VisitDate,
    int Minutes,
    string? Note,
    Wellbeing Wellbeing,
    Guid? RecordId,
    int Points,
    VisitCreditReason? Reason,
    Guid? AlertId,
    Instant LoggedAt,
    string LoggedBy);
