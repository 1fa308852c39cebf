using NodaTime;

namespace QunTuan.Ledger.Redemptions;

/// <summary>Decision state of one redemption request.</summary>
public sealed record Redemption(
    Guid Id,
    Guid CommunityId,
    Guid ItemId,
    string ItemCode,
    Guid? SlotId,
    int Points,
    PayerKind PayerKind,
    Guid PayerId,
    Guid? VolunteerId,
    BeneficiaryKind? BeneficiaryKind,
    Guid? BeneficiaryId,
    LocalDate LimitMonth,
    RedemptionStatus Status,
    Instant ExpiresAt,
    Instant? CollectBy = null,
    string? PickupCodeHash = null)
{
    public static Redemption Create(RedemptionRequested e) =>
        new(e.RedemptionId, e.CommunityId, e.ItemId, e.ItemCode, e.SlotId, e.Points, e.PayerKind, e.PayerId,
            e.VolunteerId, e.BeneficiaryKind, e.BeneficiaryId, e.LimitMonth, RedemptionStatus.Requested, e.ExpiresAt);

    public Redemption Apply(RedemptionApproved e) =>
        this with { Status = RedemptionStatus.Approved, CollectBy = e.CollectBy, PickupCodeHash = e.PickupCodeHash };

    public Redemption Apply(RedemptionRejected _) => this with { Status = RedemptionStatus.Rejected };

    public Redemption Apply(RedemptionCancelled _) => this with { Status = RedemptionStatus.Cancelled };

    public Redemption Apply(RedemptionExpired _) => this with { Status = RedemptionStatus.Expired };

    public Redemption Apply(RedemptionFulfilled _) => this with { Status = RedemptionStatus.Fulfilled };

    public Redemption Apply(RedemptionRefunded _) => this with { Status = RedemptionStatus.Refunded };
}
