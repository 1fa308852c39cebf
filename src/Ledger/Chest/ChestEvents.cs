using NodaTime;

namespace QunTuan.Ledger.Chest;

// The community chest (爱心池) is an account like a volunteer's: points come in as donations and as expired
// points, and go out to beneficiaries through the same hold, capture, release and refund steps as any redemption.
// Every event carries the chest's balance (and held total) after it.

/// <summary>The community's chest was opened, empty. It is opened with the community.</summary>
public sealed record ChestOpened(Guid ChestId, Guid CommunityId, Instant OpenedAt, string OpenedBy);

/// <summary>A volunteer's donation arrived; the volunteer's <c>PointsDonated</c> has the same donation id.</summary>
public sealed record ChestDonationReceived(
    Guid ChestId,
    Guid DonationId,
    Guid VolunteerId,
    int Points,
    int BalanceAfter,
    Instant ReceivedAt,
    string ReceivedBy);

/// <summary>A volunteer's expired points arrived; the volunteer's <c>PointsExpired</c> has the same expiry id.</summary>
public sealed record ChestExpiredPointsReceived(
    Guid ChestId,
    Guid ExpiryId,
    Guid VolunteerId,
    int Points,
    int ThroughYear,
    int BalanceAfter,
    Instant ReceivedAt,
    string ReceivedBy);

/// <summary>Office staff granted chest points to a beneficiary's redemption: held until the request is decided.</summary>
public sealed record ChestPointsHeld(
    Guid ChestId,
    Guid RedemptionId,
    Guid ItemId,
    string ItemCode,
    Guid BeneficiaryId,
    int Points,
    int BalanceAfter,
    int HeldAfter,
    Instant HeldAt,
    string HeldBy);

/// <summary>A chest hold was let go (the grant was rejected or expired).</summary>
public sealed record ChestPointsReleased(
    Guid ChestId,
    Guid RedemptionId,
    string ItemCode,
    int Points,
    QunTuan.Ledger.Redemptions.ReleaseReason Reason,
    string? Note,
    int BalanceAfter,
    int HeldAfter,
    Instant ReleasedAt,
    string ReleasedBy);

/// <summary>The grant was approved: the held chest points are spent.</summary>
public sealed record ChestPointsCaptured(
    Guid ChestId,
    Guid RedemptionId,
    string ItemCode,
    int Points,
    int BalanceAfter,
    int HeldAfter,
    Instant CapturedAt,
    string CapturedBy);

/// <summary>A granted item was never collected: the points went back to the chest.</summary>
public sealed record ChestPointsRefunded(
    Guid ChestId,
    Guid RedemptionId,
    string ItemCode,
    int Points,
    QunTuan.Ledger.Redemptions.RefundReason Reason,
    int BalanceAfter,
    Instant RefundedAt,
    string RefundedBy);
