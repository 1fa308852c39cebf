using Marten;
using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.ServiceRecords;

/// <summary>
/// The one crediting path. Every workflow that produces service (the plain form, a closed patrol shift, an
/// elder visit, a river patrol) records it here, so valuation, caps, verification and the account movement
/// are decided in one place. Appends to the caller's session; the caller's transaction commits it.
/// </summary>
public static class ServiceRecordBook
{
    public static async Task<RecordSubmitted> Record(IDocumentSession session, SubmitServiceRecord command,
        Instant now, CancellationToken ct)
    {
        var activity = await session.Events.FetchLatest<Activity>(DeterministicId.ForActivity(command.ActivityCode), ct)
            ?? throw LedgerRuleViolation.Invalid("unknown_activity",
                $"未知的活动代码 {command.ActivityCode} / unknown activityCode {command.ActivityCode}", "activityCode");
        var existing = await session.Events.FetchStreamStateAsync(command.RecordId, ct);

        if (!command.VerifyNow)
        {
            var volunteer = await session.Events.FetchLatest<VolunteerAccount>(command.VolunteerId, ct)
                ?? throw LedgerRuleViolation.NotFound("volunteer", command.VolunteerId, "volunteerId");
            var submitted = SubmitServiceRecordDecider.Decide(command, existing is not null, volunteer, activity, now);
            session.Events.StartStream<ServiceRecord>(submitted.RecordId, submitted);
            return new RecordSubmitted(submitted, null);
        }

        // Crediting at once: the account is locked so the weekly cap and the balance are read and written as one.
        var account = await session.Events.FetchForExclusiveWriting<VolunteerAccount>(command.VolunteerId, ct);
        var holder = account.Aggregate ?? throw LedgerRuleViolation.NotFound("volunteer", command.VolunteerId, "volunteerId");
        var logged = SubmitServiceRecordDecider.Decide(command, existing is not null, holder, activity, now);
        var (verified, credited) = VerifyServiceRecordDecider.Decide(ServiceRecord.Create(logged), activity, holder,
            command.Actor, now);
        session.Events.StartStream<ServiceRecord>(logged.RecordId, logged, verified);
        account.AppendOne(credited);
        return new RecordSubmitted(logged, new RecordCredited(verified, credited));
    }
}
