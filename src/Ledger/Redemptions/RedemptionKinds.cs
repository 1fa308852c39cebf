namespace QunTuan.Ledger.Redemptions;

public enum RedemptionStatus
{
    Requested,  // 待审批: points held, unit reserved
    Approved,   // 已批准: points spent, unit taken, waiting to be collected
    Rejected,   // 已驳回
    Cancelled,  // 已撤回 (by the volunteer, before a decision)
    Expired,    // 已失效 (nobody decided in time)
    Fulfilled,  // 已领取
    Refunded    // 已退还 (approved but never collected)
}

/// <summary>Whose points pay: the volunteer's own, or the community chest's (a grant to a beneficiary).</summary>
public enum PayerKind
{
    Volunteer,
    Chest
}

/// <summary>Who a redemption is for when it is not the volunteer themself (代兑).</summary>
public enum BeneficiaryKind
{
    Elder,     // a 1+3 elder living alone
    Household  // a household in difficulty (困难家庭)
}

/// <summary>Why held points and a reserved unit were let go.</summary>
public enum ReleaseReason
{
    Rejected,
    Cancelled,
    Expired
}

/// <summary>Why spent points came back.</summary>
public enum RefundReason
{
    NotCollected
}
