using NodaTime;
using QunTuan.Ledger.Redemptions;

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

// Redemption moves points in two steps: a hold sets them aside when the volunteer asks, and the office's decision
// either captures them (spent) or releases them (available again). Every step carries the balance and the held
// total after it, so the statement shows where each point is at every moment.

/// <summary>Points set aside for a redemption request (<paramref name="LimitMonth"/>: the month its per-volunteer
/// limit counts in). They leave the available balance but stay on the account until the office decides.</summary>
public sealed record PointsHeld(
    Guid VolunteerId,
    Guid RedemptionId,
    Guid ItemId,
    string ItemCode,
    int Points,
    LocalDate LimitMonth,
    int BalanceAfter,
    int HeldAfter,
    Instant HeldAt,
    string HeldBy);

/// <summary>A hold was let go: the request was rejected, cancelled or expired, and the points are available again.</summary>
public sealed record PointsReleased(
    Guid VolunteerId,
    Guid RedemptionId,
    Guid ItemId,
    string ItemCode,
    int Points,
    LocalDate LimitMonth,
    ReleaseReason Reason,
    string? Note,
    int BalanceAfter,
    int HeldAfter,
    Instant ReleasedAt,
    string ReleasedBy);

/// <summary>The office approved the redemption: the held points are spent. The available balance does not move.</summary>
public sealed record PointsCaptured(
    Guid VolunteerId,
    Guid RedemptionId,
    string ItemCode,
    int Points,
    int BalanceAfter,
    int HeldAfter,
    Instant CapturedAt,
    string CapturedBy);

/// <summary>Spent points came back: the approved item was never collected.</summary>
public sealed record PointsRefunded(
    Guid VolunteerId,
    Guid RedemptionId,
    Guid ItemId,
    string ItemCode,
    int Points,
    LocalDate LimitMonth,
    RefundReason Reason,
    int BalanceAfter,
    Instant RefundedAt,
    string RefundedBy);

/// <summary>The volunteer gave points to the community chest (爱心池); the chest's receipt has the same
/// <paramref name="DonationId"/>.</summary>
public sealed record PointsDonated(
    Guid VolunteerId,
    Guid DonationId,
    Guid ChestId,
    int Points,
    string? Note,
    int BalanceAfter,
    Instant DonatedAt,
    string DonatedBy);

/// <summary>Points earned in <paramref name="ThroughYear"/> or before expired under the community's policy. They
/// are not burned: they moved to the community chest, whose receipt has the same <paramref name="ExpiryId"/>.</summary>
public sealed record PointsExpired(
    Guid VolunteerId,
    Guid ExpiryId,
    Guid ChestId,
    int Points,
    int ThroughYear,
    int BalanceAfter,
    Instant ExpiredAt,
    string ExpiredBy);
