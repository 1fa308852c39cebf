namespace QunTuan.Ledger.Volunteers;

/// <summary>The mass organizations (群团) a volunteer belongs to; used later to break down participation.</summary>
public enum Affiliation
{
    UnionMember,       // 工会会员
    YouthLeague,       // 共青团员
    WomensFederation,  // 妇联
    PartyMember        // 党员
}
