using NodaTime;

namespace QunTuan.Ledger.Volunteers;

// The volunteer's stream is also their points account: every movement of points is an event here,
// carrying the balance after it so a statement reads like a bank book.

/// <summary>
/// A resident registered as a volunteer of one community. Their name, phone and ID-card number are personal
/// data and live in <see cref="VolunteerPersonalData"/>, never in an event, so they can be erased.
/// </summary>
public sealed record VolunteerRegistered(
    Guid VolunteerId,
    Guid CommunityId,
    string Grid,
    Affiliation[] Affiliations,
    Instant RegisteredAt,
    string RegisteredBy);

/// <summary>The volunteer's personal data was erased on request; the account stays, as an anonymous former resident.</summary>
public sealed record VolunteerErased(Guid VolunteerId, string Reason, Instant ErasedAt, string ErasedBy);

/// <summary>Points awarded for a verified service record, fixed by the rule version in force on the service date.</summary>
public sealed record PointsCredited(
    Guid VolunteerId,
    Guid RecordId,
    Guid CommunityId,
    string ActivityCode,
    string CategoryCode,
    LocalDate ServiceDate,
    int Points,
    int Minutes,
    string RuleId,
    int RuleVersion,
    LocalDate? CapWeek,
    int BalanceAfter,
    Instant CreditedAt,
    string CreditedBy);

/// <summary>A credited service record was reversed: its points and minutes leave the account.</summary>
public sealed record ServiceCreditReversed(
    Guid VolunteerId,
    Guid RecordId,
    string ActivityCode,
    int Points,
    int Minutes,
    LocalDate? CapWeek,
    CorrectionReason Reason,
    string Note,
    int BalanceAfter,
    Instant ReversedAt,
    string ReversedBy);

/// <summary>Office staff adjusted the balance up or down (<paramref name="Points"/> is signed).</summary>
public sealed record PointsAdjusted(
    Guid VolunteerId,
    Guid AdjustmentId,
    int Points,
    CorrectionReason Reason,
    string Note,
    int BalanceAfter,
    Instant AdjustedAt,
    string AdjustedBy);
