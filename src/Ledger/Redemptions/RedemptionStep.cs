namespace QunTuan.Ledger.Redemptions;

/// <summary>What a transition did: the redemption as it now stands, whether anything changed (false for a
/// repeat), and the pickup code when an approval just issued one (the only time it is ever shown).</summary>
public sealed record RedemptionStep(Redemption Redemption, bool Changed, string? PickupCode = null);
