using NodaTime;
using QunTuan.Ledger.Redemptions;

namespace QunTuan.Api.Redemptions;

/// <summary>
/// A redemption after a request or a transition. <see cref="PickupCode"/> is set only in the response to the
/// approval that issued it: the office hands it to the volunteer, and it is never shown again.
/// <see cref="Changed"/> is false when the request repeated a transition that had already happened.
/// </summary>
public sealed record RedemptionResponse(
    Guid RedemptionId,
    RedemptionStatus Status,
    Guid ItemId,
    string ItemCode,
    Guid? SlotId,
    int Points,
    PayerKind PayerKind,
    Guid PayerId,
    Guid? VolunteerId,
    BeneficiaryKind? BeneficiaryKind,
    Guid? BeneficiaryId,
    Instant ExpiresAt,
    Instant? CollectBy,
    string? PickupCode,
    bool Changed)
{
    public static RedemptionResponse From(RedemptionStep step) => From(step.Redemption, step.Changed, step.PickupCode);

    public static RedemptionResponse From(Redemption r, bool changed, string? pickupCode = null) =>
        new(r.Id, r.Status, r.ItemId, r.ItemCode, r.SlotId, r.Points, r.PayerKind, r.PayerId, r.VolunteerId,
            r.BeneficiaryKind, r.BeneficiaryId, r.ExpiresAt, r.CollectBy, pickupCode, changed);
}
