using Marten;
using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.ServiceRecords;

public sealed record VerifyServiceRecord(Guid RecordId, string Actor);

/// <summary>The two halves of one verification: the record's event and the account's credit.</summary>
public sealed record RecordCredited(ServiceRecordVerified Verified, PointsCredited Credited);

public static class VerifyServiceRecordDecider
{
    /// <summary>Values the record by the rule in force on its service date and credits the volunteer.</summary>
    public static (ServiceRecordVerified Verified, PointsCredited Credited) Decide(ServiceRecord record,
        Activity activity, VolunteerAccount account, string actor, Instant now)
    {
        RecordTransitions.EnsurePending(record);
        var rule = activity.RuleOn(record.ServiceDate)
            ?? throw LedgerRuleViolation.Invalid("no_rule_in_force",
                $"{record.ServiceDate:uuuu-MM-dd} 时 {activity.Code} 尚无计分规则 / no point rule of {activity.Code} was in force on {record.ServiceDate:uuuu-MM-dd}");

        LocalDate? capWeek = rule.Rule.Kind == PointRuleKind.PerVisit ? ShanghaiCalendar.WeekStart(record.ServiceDate) : null;
        var already = capWeek is null ? 0 : account.CreditedInWeek(activity.Code, capWeek.Value);
        var value = PointValuation.Value(rule.Rule, record.DurationMinutes, record.Occasions, already);
        var ruleId = $"{activity.Code}.v{rule.Version}";

        return (
            new ServiceRecordVerified(record.Id, record.VolunteerId, value.Points, value.Minutes, ruleId, rule.Version,
                capWeek, value.CapReached, now, actor),
            new PointsCredited(account.Id, record.Id, record.CommunityId, activity.Code, activity.CategoryCode,
                record.ServiceDate, value.Points, value.Minutes, ruleId, rule.Version, capWeek,
                account.Available + value.Points, now, actor));
    }
}

public static class VerifyServiceRecordHandler
{
    public static async Task<RecordCredited> Handle(VerifyServiceRecord command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        // Lock order is always record, then account: two clerks verifying the same record queue up on the
        // record row, and the second one finds it already credited.
        var recordStream = await session.Events.FetchForExclusiveWriting<ServiceRecord>(command.RecordId, ct);
        var record = recordStream.Aggregate ?? throw LedgerRuleViolation.NotFound("service_record", command.RecordId);
        RecordTransitions.EnsurePending(record);
        var activity = await session.Events.FetchLatest<Activity>(DeterministicId.ForActivity(record.ActivityCode), ct)
            ?? throw LedgerRuleViolation.NotFound("activity", record.ActivityCode);
        var accountStream = await session.Events.FetchForExclusiveWriting<VolunteerAccount>(record.VolunteerId, ct);
        var account = accountStream.Aggregate ?? throw LedgerRuleViolation.NotFound("volunteer", record.VolunteerId);

        var (verified, credited) =
            VerifyServiceRecordDecider.Decide(record, activity, account, command.Actor, clock.GetCurrentInstant());
        recordStream.AppendOne(verified);
        accountStream.AppendOne(credited);
        return new RecordCredited(verified, credited);
    }
}
