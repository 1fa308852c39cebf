using Marten;
using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.ServiceRecords;

/// <summary>
/// Reports a service. With <see cref="VerifyNow"/> (office staff logging a service they witnessed) the record
/// is verified and credited in the same transaction.
/// </summary>
public sealed record SubmitServiceRecord(
    Guid RecordId,
    Guid VolunteerId,
    string ActivityCode,
    LocalDate ServiceDate,
    int? DurationMinutes,
    int Occasions,
    string? Note,
    bool VerifyNow,
    string Actor,
    ServiceOrigin? Origin = null);

/// <summary>The workflow a record came from (a patrol shift, an elder visit, a river patrol); null for a plain form.</summary>
public sealed record ServiceOrigin(string Kind, Guid Id)
{
    public const string PatrolShift = "patrol_shift";
    public const string ElderVisit = "elder_visit";
    public const string RiverPatrol = "river_patrol";
}

/// <summary>What a submission did: always the record, plus the credit when it was verified at once.</summary>
public sealed record RecordSubmitted(ServiceRecordSubmitted Submitted, RecordCredited? Credited);

public static class SubmitServiceRecordDecider
{
    /// <summary>How far back a service may be reported: a year, so paper records can be caught up.</summary>
    public const int MaxAgeDays = 366;

    public static ServiceRecordSubmitted Decide(SubmitServiceRecord command, bool recordExists,
        VolunteerAccount volunteer, Activity activity, Instant now)
    {
        if (recordExists)
            throw LedgerRuleViolation.Conflict("record_exists",
                $"服务记录 {command.RecordId} 已存在 / service record {command.RecordId} already exists", "recordId");
        if (volunteer.Erased)
            throw LedgerRuleViolation.Conflict("volunteer_erased",
                "该志愿者已注销个人信息，不能再登记服务 / this volunteer's data was erased; no new service can be recorded",
                "volunteerId");
        var today = ShanghaiCalendar.Today(now);
        if (command.ServiceDate > today)
            throw LedgerRuleViolation.Invalid("service_date_in_future",
                $"服务日期不能晚于今天 {today:uuuu-MM-dd} / serviceDate cannot be after today ({today:uuuu-MM-dd})",
                "serviceDate");
        if (command.ServiceDate < today.PlusDays(-MaxAgeDays))
            throw LedgerRuleViolation.Invalid("service_date_too_old",
                $"只能补录 {MaxAgeDays} 天内的服务 / serviceDate must be within the last {MaxAgeDays} days",
                "serviceDate");
        var rule = activity.RuleOn(command.ServiceDate)
            ?? throw LedgerRuleViolation.Invalid("no_rule_in_force",
                $"{command.ServiceDate:uuuu-MM-dd} 时 {activity.Code} 尚无计分规则 / no point rule of {activity.Code} was in force on {command.ServiceDate:uuuu-MM-dd}",
                "serviceDate");
        // Checks the service qualifies now, so the office queue holds only records that can be credited.
        PointValuation.Value(rule.Rule, command.DurationMinutes, command.Occasions, 0);
        var note = PersonalDataGuard.Text(command.Note, "note", 500);

        return new ServiceRecordSubmitted(command.RecordId, volunteer.CommunityId, volunteer.Id, activity.Code,
            command.ServiceDate, command.DurationMinutes, command.Occasions, note, now, command.Actor, command.Origin);
    }
}

public static class SubmitServiceRecordHandler
{
    public static Task<RecordSubmitted> Handle(SubmitServiceRecord command, IDocumentSession session, IClock clock,
        CancellationToken ct) =>
        ServiceRecordBook.Record(session, command, clock.GetCurrentInstant(), ct);
}
