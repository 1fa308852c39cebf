using Marten;
using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.ElderCare;

/// <summary>A paired helper reports a visit to the elder: when, how long, how the elder was.</summary>
public sealed record LogElderVisit(
    Guid ElderId,
    Guid VisitId,
    Guid VolunteerId,
    LocalDate VisitDate,
    int Minutes,
    string? Note,
    Wellbeing Wellbeing,
    string Actor);

/// <summary>
/// The first half of a visit decision: the visit is allowed, and whether it opens a service record (and which
/// one). The record's points are known only once the crediting path has valued it, so the event is completed
/// by <see cref="LogElderVisitDecider.Complete"/>.
/// </summary>
public sealed record VisitPlan(
    Guid ElderId,
    Guid CommunityId,
    Guid VisitId,
    Guid VolunteerId,
    HelperRole Role,
    LocalDate VisitDate,
    int Minutes,
    string? Note,
    Wellbeing Wellbeing,
    Guid? RecordId,
    string Actor);

public sealed record VisitLogged(ElderVisitLogged Logged, ElderAlertRaised? Alert);

public static class LogElderVisitDecider
{
    /// <summary>The catalog subcategory that pays for a visit: 「独居老人“1+3”结对探访」.</summary>
    public const string ActivityCode = "PV01";

    public const int MaxMinutes = 600;

    public static VisitPlan Decide(LogElderVisit command, Elder elder, Activity? visits, bool creditedThatDay,
        Instant now)
    {
        if (command.Minutes is < 1 or > MaxMinutes)
            throw LedgerRuleViolation.Invalid("minutes_out_of_range",
                $"探访时长须在 1 到 {MaxMinutes} 分钟之间 / minutes must be between 1 and {MaxMinutes}", "minutes");
        if (!Enum.IsDefined(command.Wellbeing))
            throw LedgerRuleViolation.Invalid("invalid_wellbeing",
                "wellbeing 须为 ok、needs_help 或 emergency / wellbeing must be ok, needs_help or emergency", "wellbeing");
        var today = ShanghaiCalendar.Today(now);
        if (command.VisitDate > today)
            throw LedgerRuleViolation.Invalid("visit_date_in_future",
                $"探访日期不能晚于今天 {today:uuuu-MM-dd} / visitDate cannot be after today ({today:uuuu-MM-dd})",
                "visitDate");
        if (command.VisitDate < today.PlusDays(-SubmitServiceRecordDecider.MaxAgeDays))
            throw LedgerRuleViolation.Invalid("visit_date_too_old",
                $"只能补录 {SubmitServiceRecordDecider.MaxAgeDays} 天内的探访 / visitDate must be within the last {SubmitServiceRecordDecider.MaxAgeDays} days",
                "visitDate");
        var note = PersonalDataGuard.Text(command.Note, "note", 500);
        var role = elder.RoleOn(command.VolunteerId, command.VisitDate)
            ?? throw LedgerRuleViolation.Invalid("not_paired",
                $"志愿者 {command.VolunteerId} 在 {command.VisitDate:uuuu-MM-dd} 未与该老人结对 / volunteer {command.VolunteerId} was not paired with this elder on {command.VisitDate:uuuu-MM-dd}",
                "volunteerId");
        if (visits?.RuleOn(command.VisitDate) is null)
            throw LedgerRuleViolation.Invalid("no_rule_in_force",
                $"{command.VisitDate:uuuu-MM-dd} 时 {ActivityCode} 尚无计分规则 / no point rule of {ActivityCode} was in force on {command.VisitDate:uuuu-MM-dd}",
                "visitDate");

        return new VisitPlan(elder.Id, elder.CommunityId, command.VisitId, command.VolunteerId, role,
            command.VisitDate, command.Minutes, note, command.Wellbeing,
            creditedThatDay ? null : ElderCareIds.VisitRecord(elder.Id, command.VolunteerId, command.VisitDate),
            command.Actor);
    }

    /// <summary>The visit's events, given what the crediting path did with its record (null: no record).</summary>
    public static VisitLogged Complete(VisitPlan plan, RecordCredited? credited, Instant now)
    {
        VisitCreditReason? reason = plan.RecordId is null ? VisitCreditReason.AlreadyCreditedToday
            : credited?.Verified.WeeklyCapReached == true ? VisitCreditReason.WeeklyCapReached
            : null;
        AlertSeverity? severity = plan.Wellbeing switch
        {
            Wellbeing.Emergency => AlertSeverity.Emergency,
            Wellbeing.NeedsHelp => AlertSeverity.NeedsHelp,
            _ => null
        };
        var alertId = severity is null ? (Guid?)null : ElderCareIds.VisitAlert(plan.VisitId);

        var logged = new ElderVisitLogged(plan.ElderId, plan.VisitId, plan.VolunteerId, plan.Role, plan.VisitDate,
            plan.Minutes, plan.Note, plan.Wellbeing, credited?.Verified.RecordId, credited?.Verified.Points ?? 0,
            reason, alertId, now, plan.Actor);
        var alert = severity is { } s
            ? new ElderAlertRaised(alertId!.Value, plan.ElderId, plan.CommunityId, plan.VisitId, plan.VolunteerId, s,
                plan.VisitDate, plan.Note, now, plan.Actor)
            : null;
        return new VisitLogged(logged, alert);
    }
}

public static class LogElderVisitHandler
{
    public static async Task<VisitLogged> Handle(LogElderVisit command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        // Lock order: the elder (the workflow) first; the crediting path then locks the helper's account. Two
        // visits by one helper on one day queue here, and the second finds the day's record already there.
        var stream = await session.Events.FetchForExclusiveWriting<Elder>(command.ElderId, ct);
        var elder = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("elder", command.ElderId);
        var visits = await session.Events.FetchLatest<Activity>(
            DeterministicId.ForActivity(LogElderVisitDecider.ActivityCode), ct);
        var dayRecord = ElderCareIds.VisitRecord(command.ElderId, command.VolunteerId, command.VisitDate);
        var creditedThatDay = await session.Events.FetchStreamStateAsync(dayRecord, ct) is not null;

        var plan = LogElderVisitDecider.Decide(command, elder, visits, creditedThatDay, now);
        RecordCredited? credited = null;
        if (plan.RecordId is { } recordId)
        {
            // The pairing is the authorisation, so the visit is credited at once; the office can still reverse it.
            var recorded = await ServiceRecordBook.Record(session, new SubmitServiceRecord(recordId, plan.VolunteerId,
                LogElderVisitDecider.ActivityCode, plan.VisitDate, plan.Minutes, 1, null, true, command.Actor,
                new ServiceOrigin(ServiceOrigin.ElderVisit, plan.ElderId)), now, ct);
            credited = recorded.Credited;
        }

        var outcome = LogElderVisitDecider.Complete(plan, credited, now);
        stream.AppendOne(outcome.Logged);
        if (outcome.Alert is { } alert) session.Events.StartStream<ElderAlert>(alert.AlertId, alert);
        return outcome;
    }
}
