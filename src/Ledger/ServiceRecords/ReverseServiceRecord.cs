using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.ServiceRecords;

/// <summary>Takes back a credited record: its points and minutes leave the account, by a new event.</summary>
public sealed record ReverseServiceRecord(Guid RecordId, CorrectionReason Reason, string Note, string Actor);

public sealed record RecordReversed(ServiceRecordReversed Reversed, ServiceCreditReversed Debited);

public static class ReverseServiceRecordDecider
{
    public static (ServiceRecordReversed Reversed, ServiceCreditReversed Debited) Decide(ReverseServiceRecord command,
        ServiceRecord record, VolunteerAccount account, Instant now)
    {
        RecordTransitions.EnsureCredited(record);
        if (command.Reason == CorrectionReason.Goodwill)
            throw LedgerRuleViolation.Invalid("goodwill_cannot_reverse",
                "酌情奖励不能用于冲正 / goodwill is not a reason to reverse a record", "reason");
        var note = PersonalDataGuard.Text(command.Note, "note", 500, required: true)!;
        if (account.Available < record.Points)
            throw LedgerRuleViolation.Conflict("insufficient_balance",
                $"可用积分 {account.Available}，不足以冲正 {record.Points} / available balance {account.Available} cannot cover the reversal of {record.Points}");

        return (
            new ServiceRecordReversed(record.Id, record.VolunteerId, record.Points, record.Minutes, command.Reason, note,
                now, command.Actor),
            new ServiceCreditReversed(account.Id, record.Id, record.ActivityCode, record.Points, record.Minutes, record.CapWeek,
                command.Reason, note, account.Available - record.Points, now, command.Actor));
    }
}

public static class ReverseServiceRecordHandler
{
    public static async Task<RecordReversed> Handle(ReverseServiceRecord command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var recordStream = await session.Events.FetchForExclusiveWriting<ServiceRecord>(command.RecordId, ct);
        var record = recordStream.Aggregate ?? throw LedgerRuleViolation.NotFound("service_record", command.RecordId);
        RecordTransitions.EnsureCredited(record);
        var accountStream = await session.Events.FetchForExclusiveWriting<VolunteerAccount>(record.VolunteerId, ct);
        var account = accountStream.Aggregate ?? throw LedgerRuleViolation.NotFound("volunteer", record.VolunteerId);

        var (reversed, debited) =
            ReverseServiceRecordDecider.Decide(command, record, account, clock.GetCurrentInstant());
        recordStream.AppendOne(reversed);
        accountStream.AppendOne(debited);
        return new RecordReversed(reversed, debited);
    }

}
