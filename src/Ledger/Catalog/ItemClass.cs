namespace QunTuan.Ledger.Catalog;

/// <summary>The two classes the love bank redeems for: 「积分可兑换生活用品、社区服务」.</summary>
public enum ItemClass
{
    Goods,   // 生活用品: counted stock
    Service  // 社区服务: dated slots, each with places
}
