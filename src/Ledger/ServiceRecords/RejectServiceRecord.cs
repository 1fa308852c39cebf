using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.ServiceRecords;

public sealed record RejectServiceRecord(Guid RecordId, string Reason, string Actor);

public static class RejectServiceRecordDecider
{
    public static ServiceRecordRejected Decide(RejectServiceRecord command, ServiceRecord record, Instant now)
    {
        RecordTransitions.EnsurePending(record);
        var reason = PersonalDataGuard.Text(command.Reason, "reason", 500, required: true)!;
        return new ServiceRecordRejected(record.Id, reason, now, command.Actor);
    }
}

public static class RejectServiceRecordHandler
{
    public static async Task<ServiceRecordRejected> Handle(RejectServiceRecord command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<ServiceRecord>(command.RecordId, ct);
        var record = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("service_record", command.RecordId);
        var rejected = RejectServiceRecordDecider.Decide(command, record, clock.GetCurrentInstant());
        stream.AppendOne(rejected);
        return rejected;
    }
}
