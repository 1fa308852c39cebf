using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Catalog;
using QunTuan.Ledger.Redemptions;

namespace QunTuan.Projections.Redemptions;

/// <summary>A redemption request and what became of it: who asked, who pays, who it is for, who decided, when.
/// The pickup code is never here: only the office saw it, once.</summary>
public sealed record RedemptionView(
    Guid Id,
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
    RedemptionStatus Status,
    Instant RequestedAt,
    string RequestedBy,
    Instant ExpiresAt,
    Instant? DecidedAt = null,
    string? DecidedBy = null,
    string? Reason = null,
    Instant? CollectBy = null,
    Instant? FulfilledAt = null,
    string? FulfilledBy = null,
    Instant? RefundedAt = null);

public sealed partial class RedemptionViewProjection : SingleStreamProjection<RedemptionView, Guid>
{
    public RedemptionView Create(RedemptionRequested e) =>
        new(e.RedemptionId, e.CommunityId, e.ItemId, e.ItemCode, e.ItemClass, e.SlotId, e.Points, e.PayerKind,
            e.PayerId, e.VolunteerId, e.BeneficiaryKind, e.BeneficiaryId, RedemptionStatus.Requested, e.RequestedAt,
            e.RequestedBy, e.ExpiresAt);

    public RedemptionView Apply(RedemptionApproved e, RedemptionView v) =>
        v with { Status = RedemptionStatus.Approved, DecidedAt = e.ApprovedAt, DecidedBy = e.ApprovedBy, CollectBy = e.CollectBy };

    public RedemptionView Apply(RedemptionRejected e, RedemptionView v) =>
        v with { Status = RedemptionStatus.Rejected, DecidedAt = e.RejectedAt, DecidedBy = e.RejectedBy, Reason = e.Reason };

    public RedemptionView Apply(RedemptionCancelled e, RedemptionView v) =>
        v with { Status = RedemptionStatus.Cancelled, DecidedAt = e.CancelledAt, DecidedBy = e.CancelledBy, Reason = e.Reason };

    public RedemptionView Apply(RedemptionExpired e, RedemptionView v) =>
        v with { Status = RedemptionStatus.Expired, DecidedAt = e.ExpiredAt, DecidedBy = e.ExpiredBy };

    public RedemptionView Apply(RedemptionFulfilled e, RedemptionView v) =>
        v with { Status = RedemptionStatus.Fulfilled, FulfilledAt = e.FulfilledAt, FulfilledBy = e.FulfilledBy };

    public RedemptionView Apply(RedemptionRefunded e, RedemptionView v) =>
        v with { Status = RedemptionStatus.Refunded, RefundedAt = e.RefundedAt };
}
