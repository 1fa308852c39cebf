using NodaTime;
using QunTuan.Ledger.Catalog;

namespace QunTuan.Ledger.Redemptions;

// One stream per redemption request: the workflow from the request to its one final state. The points and the
// unit it moves are on the payer's account and the item's stream, appended in the same transaction.

/// <summary>
/// A volunteer asked for an item (for themself, or for <paramref name="BeneficiaryId"/>), or office staff granted
/// one to a beneficiary from the chest (<paramref name="VolunteerId"/> null). The price is fixed now; the request
/// expires at <paramref name="ExpiresAt"/> unless the office decides first.
/// </summary>
public sealed record RedemptionRequested(
    Guid RedemptionId,
    Guid CommunityId,
    Guid ItemId,
    string ItemCode,
    ItemClass ItemClass,
    Guid? SlotId,
    int Points,
    PayerKind PayerKind,
    Guid PayerId,
    Guid? VolunteerId,
    BeneficiaryKind? BeneficiaryKind,
    Guid? BeneficiaryId,
    LocalDate LimitMonth,
    Instant ExpiresAt,
    Instant RequestedAt,
    string RequestedBy);

/// <summary>Office staff approved: points spent, unit taken, and a pickup code issued. Only the code's hash is
/// kept; the code itself was shown once to the office. It must be collected by <paramref name="CollectBy"/>.</summary>
public sealed record RedemptionApproved(
    Guid RedemptionId,
    string PickupCodeHash,
    Instant CollectBy,
    Instant ApprovedAt,
    string ApprovedBy);

public sealed record RedemptionRejected(Guid RedemptionId, string Reason, Instant RejectedAt, string RejectedBy);

/// <summary>The volunteer withdrew the request before the office decided.</summary>
public sealed record RedemptionCancelled(Guid RedemptionId, string? Reason, Instant CancelledAt, string CancelledBy);

/// <summary>Nobody decided within the community's window: the request lapsed by itself.</summary>
public sealed record RedemptionExpired(Guid RedemptionId, Instant ExpiresAt, Instant ExpiredAt, string ExpiredBy);

/// <summary>The item was handed over against the pickup code.</summary>
public sealed record RedemptionFulfilled(Guid RedemptionId, Instant FulfilledAt, string FulfilledBy);

/// <summary>An approved item was not collected in time: cancelled, points back to the payer, unit back on the shelf.</summary>
public sealed record RedemptionRefunded(Guid RedemptionId, RefundReason Reason, Instant RefundedAt, string RefundedBy);
