namespace QunTuan.Ledger.ElderCare;

/// <summary>How the helper found the elder. Anything but <see cref="Ok"/> raises an alert for the office.</summary>
public enum Wellbeing
{
    Ok,         // 安好
    NeedsHelp,  // 需要帮助
    Emergency   // 紧急
}

/// <summary>How urgent an alert is; the office works the most severe first.</summary>
public enum AlertSeverity
{
    NeedsHelp = 1,
    Emergency = 2
}

/// <summary>Why a visit earned less than a full visit's points, so the helper is never left guessing.</summary>
public enum VisitCreditReason
{
    /// <summary>This helper already has a credited visit to this elder on this date; this one is logged only.</summary>
    AlreadyCreditedToday,
    /// <summary>The helper's weekly cap for elder visits is used up: the record is credited with what room was left.</summary>
    WeeklyCapReached
}
