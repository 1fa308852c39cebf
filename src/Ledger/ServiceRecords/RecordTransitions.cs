using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.ServiceRecords;

/// <summary>The record state machine's guards, shared by verify, reject and reverse.</summary>
public static class RecordTransitions
{
    public static void EnsurePending(ServiceRecord record)
    {
        switch (record.Status)
        {
            case ServiceRecordStatus.Pending:
                return;
            case ServiceRecordStatus.Credited:
            case ServiceRecordStatus.Reversed:
                throw LedgerRuleViolation.Conflict("record_already_verified",
                    "该记录已核实入账 / the record was already verified and credited");
            default:
                throw LedgerRuleViolation.Conflict("record_rejected",
                    "该记录已被驳回 / the record was already rejected");
        }
    }

    public static void EnsureCredited(ServiceRecord record)
    {
        switch (record.Status)
        {
            case ServiceRecordStatus.Credited:
                return;
            case ServiceRecordStatus.Reversed:
                throw LedgerRuleViolation.Conflict("record_already_reversed",
                    "该记录已冲正 / the record was already reversed");
            case ServiceRecordStatus.Pending:
                throw LedgerRuleViolation.Conflict("record_not_credited",
                    "该记录尚未入账，请直接驳回 / the record is not credited yet; reject it instead");
            default:
                throw LedgerRuleViolation.Conflict("record_rejected",
                    "该记录已被驳回，从未入账 / the record was rejected and never credited");
        }
    }
}
