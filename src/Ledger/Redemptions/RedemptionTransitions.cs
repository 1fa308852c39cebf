using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Redemptions;

/// <summary>
/// The redemption state machine's guards. A transition to the state the redemption is already in is a repeat
/// and changes nothing; any other transition out of a state that does not allow it is a conflict (409).
/// </summary>
public static class RedemptionTransitions
{
    /// <summary>True when the redemption already is in <paramref name="target"/> (a repeat: nothing to do);
    /// throws when it cannot move from where it is; false when the transition may go ahead.</summary>
    public static bool IsRepeat(Redemption r, RedemptionStatus target, RedemptionStatus from)
    {
        if (r.Status == target) return true;
        if (r.Status != from) throw Conflict(r);
        return false;
    }

    /// <summary>A request still waiting for the office, inside its decision window.</summary>
    public static void EnsureUndecided(Redemption r, Instant now)
    {
        if (r.Status != RedemptionStatus.Requested) throw Conflict(r);
        if (now >= r.ExpiresAt)
            throw LedgerRuleViolation.Conflict("redemption_expired",
                "审批期限已过，该申请已自动失效 / the decision window has passed; the request has lapsed");
    }

    public static LedgerRuleViolation Conflict(Redemption r) => r.Status switch
    {
        RedemptionStatus.Requested => LedgerRuleViolation.Conflict("redemption_not_approved",
            "该申请尚未批准 / the request has not been approved yet"),
        RedemptionStatus.Approved => LedgerRuleViolation.Conflict("redemption_already_approved",
            "该申请已批准 / the request was already approved"),
        RedemptionStatus.Rejected => LedgerRuleViolation.Conflict("redemption_rejected",
            "该申请已被驳回 / the request was rejected"),
        RedemptionStatus.Cancelled => LedgerRuleViolation.Conflict("redemption_cancelled",
            "该申请已撤回 / the request was cancelled"),
        RedemptionStatus.Expired => LedgerRuleViolation.Conflict("redemption_expired",
            "该申请已过期失效 / the request expired"),
        RedemptionStatus.Fulfilled => LedgerRuleViolation.Conflict("redemption_fulfilled",
            "该物品已领取 / the item was already collected"),
        _ => LedgerRuleViolation.Conflict("redemption_refunded",
            "逾期未领取，积分已退还 / the item was not collected in time and the points were refunded")
    };
}
