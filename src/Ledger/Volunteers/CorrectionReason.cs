namespace QunTuan.Ledger.Volunteers;

/// <summary>Why office staff corrected an account. Every correction also carries a free-text note.</summary>
public enum CorrectionReason
{
    EntryError,  // 录入错误
    Duplicate,   // 重复记录
    Fraud,       // 虚假服务
    Goodwill     // 酌情奖励
}
