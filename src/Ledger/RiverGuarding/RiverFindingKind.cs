namespace QunTuan.Ledger.RiverGuarding;

/// <summary>What a river patrol found on its segment (五水共治 categories the teams report).</summary>
public enum RiverFindingKind
{
    Litter,            // 垃圾漂浮物
    Pollution,         // 水体污染
    IllegalDischarge,  // 违法排污
    Obstruction        // 河道阻塞
}

public enum RiverFindingSeverity
{
    Low,     // 轻微
    Medium,  // 一般
    High     // 严重
}
