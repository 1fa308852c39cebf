using NodaTime;

namespace QunTuan.Ledger.Beneficiaries;

/// <summary>
/// A household in difficulty (困难家庭) became a beneficiary that volunteers may redeem for and the office may grant
/// chest points to. <paramref name="Label"/> is how the office refers to it (for example 「第3网格困难户 A」):
/// never a phone or ID-card number.
/// </summary>
public sealed record HouseholdRegistered(
    Guid HouseholdId,
    Guid CommunityId,
    string Label,
    string Grid,
    HouseholdCircumstance Circumstance,
    Instant RegisteredAt,
    string RegisteredBy);

/// <summary>Why the household is helped: 「为照顾残疾人、困难家庭户、家暴受害者等群体」.</summary>
public enum HouseholdCircumstance
{
    LowIncome,   // 低保、低收入
    Disability,  // 残疾人家庭
    Other
}
