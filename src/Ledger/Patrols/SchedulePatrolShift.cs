using System.Security.Cryptography;
using Marten;
using NodaTime;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Patrols;

public sealed record SchedulePatrolShift(
    Guid ShiftId,
    Guid CommunityId,
    Guid? TeamId,
    string Area,
    Instant PlannedStart,
    Instant PlannedEnd,
    string ActivityCode,
    string Actor)
{
    /// <summary>Safety patrol (平安巡防), valued per hour.</summary>
    public const string DefaultActivity = "CB01";
}

public static class SchedulePatrolShiftDecider
{
    /// <summary>Shifts are planned weeks ahead, not years: a far-off date is almost always a typo.</summary>
    public const int MaxDaysAhead = 90;

    /// <param name="team">The team the command names, or null when it names none.</param>
    /// <param name="checkInCode">A fresh random six-digit code, drawn by the caller (deciders draw no randomness).</param>
    public static PatrolShiftScheduled Decide(SchedulePatrolShift command, bool shiftExists, Activity activity,
        PatrolTeam? team, string checkInCode, Instant now)
    {
        if (shiftExists)
            throw LedgerRuleViolation.Conflict("patrol_shift_exists",
                $"巡防班次 {command.ShiftId} 已存在 / patrol shift {command.ShiftId} already exists", "shiftId");
        if (command.PlannedEnd <= command.PlannedStart)
            throw LedgerRuleViolation.Invalid("shift_end_not_after_start",
                "计划结束时间须晚于开始时间 / plannedEnd must be after plannedStart", "plannedEnd");
        if (command.PlannedEnd - command.PlannedStart > PatrolTime.MaxShiftLength)
            throw LedgerRuleViolation.Invalid("shift_too_long",
                "一个巡防班次最长 12 小时 / a patrol shift lasts at most 12 hours", "plannedEnd");
        if (command.PlannedEnd <= now)
            throw LedgerRuleViolation.Invalid("shift_already_over",
                "计划结束时间已过，不能再排班；请直接登记服务记录 / plannedEnd has passed; submit a service record instead",
                "plannedEnd");
        if (command.PlannedStart > now + Duration.FromDays(MaxDaysAhead))
            throw LedgerRuleViolation.Invalid("shift_too_far_ahead",
                $"只能提前 {MaxDaysAhead} 天排班 / a shift can be scheduled at most {MaxDaysAhead} days ahead",
                "plannedStart");

        var serviceDate = ShanghaiCalendar.Today(command.PlannedStart);
        var rule = activity.RuleOn(serviceDate)
            ?? throw LedgerRuleViolation.Invalid("no_rule_in_force",
                $"{serviceDate:uuuu-MM-dd} 时 {activity.Code} 尚无计分规则 / no point rule of {activity.Code} is in force on {serviceDate:uuuu-MM-dd}",
                "plannedStart");
        if (rule.Rule.Kind != PointRuleKind.PerHour)
            throw LedgerRuleViolation.Invalid("activity_not_timed",
                $"{activity.Code} 不按时长计分，不能用于巡防班次 / {activity.Code} is not valued per hour, so a shift cannot credit it",
                "activityCode");
        if (team is not null && team.CommunityId != command.CommunityId)
            throw LedgerRuleViolation.Invalid("team_not_in_community",
                $"巡防队 {team.Id} 不属于本社区 / patrol team {team.Id} belongs to another community", "teamId");
        var area = PersonalDataGuard.Text(command.Area, "area", 200, required: true)!;

        return new PatrolShiftScheduled(command.ShiftId, command.CommunityId, team?.Id, team?.Name, area, activity.Code,
            command.PlannedStart, command.PlannedEnd, serviceDate, checkInCode, now, command.Actor);
    }

    /// <summary>Six digits from a cryptographic source: the code is what keeps strangers from checking in.</summary>
    public static string NewCheckInCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
}

public static class SchedulePatrolShiftHandler
{
    public static async Task<PatrolShiftScheduled> Handle(SchedulePatrolShift command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        _ = await session.Events.FetchLatest<Community>(command.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId, "community");
        var activity = await session.Events.FetchLatest<Activity>(DeterministicId.ForActivity(command.ActivityCode), ct)
            ?? throw LedgerRuleViolation.Invalid("unknown_activity",
                $"未知的活动代码 {command.ActivityCode} / unknown activityCode {command.ActivityCode}", "activityCode");
        PatrolTeam? team = null;
        if (command.TeamId is { } teamId)
            team = await session.Events.FetchLatest<PatrolTeam>(teamId, ct)
                   ?? throw LedgerRuleViolation.NotFound("patrol_team", teamId, "teamId");
        var existing = await session.Events.FetchStreamStateAsync(command.ShiftId, ct);

        var scheduled = SchedulePatrolShiftDecider.Decide(command, existing is not null, activity, team,
            SchedulePatrolShiftDecider.NewCheckInCode(), clock.GetCurrentInstant());
        session.Events.StartStream<PatrolShift>(scheduled.ShiftId, scheduled);
        return scheduled;
    }
}
