namespace QunTuan.Ledger.ElderCare;

/// <summary>The three places of a 1+3 pairing (「一位网格长、一位网格员（工会会员）和一位在册党员」).</summary>
public enum HelperRole
{
    GridLeader,   // 网格长
    GridMember,   // 网格员
    PartyMember   // 在册党员
}
