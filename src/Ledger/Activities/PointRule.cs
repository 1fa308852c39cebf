using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Activities;

public enum PointRuleKind
{
    /// <summary>Fixed points per occasion (a cleanup session, a mediated case).</summary>
    PerOccasion,
    /// <summary>Points per hour of service, whole points, with a minimum duration (patrols, river guarding).</summary>
    PerHour,
    /// <summary>Points per visit with a cap per calendar week (1+3 elder visits).</summary>
    PerVisit
}

/// <summary>
/// How one subcategory converts service into points. <see cref="StandardMinutes"/> is the service time
/// credited to lifetime hours when a per-occasion or per-visit record gives no duration.
/// </summary>
public sealed record PointRule(
    PointRuleKind Kind,
    int Points,
    int StandardMinutes,
    int? MinimumMinutes = null,
    int? WeeklyCap = null)
{
    public const int MaxPoints = 1_000;
    public const int MaxMinutes = 24 * 60;

    /// <summary>How far ahead a rule may be published. Versions must start in order, so a rule dated years
    /// ahead (a typo for 2062, or 9999-12-31) would leave no room for any later version.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>Refuses a start date further ahead than <see cref="MaxDaysAhead"/> days after today.</summary>
    public static LedgerRuleViolation? EffectiveDateProblem(LocalDate effectiveFrom, Instant now, string field)
    {
        var latest = ShanghaiCalendar.Today(now).PlusDays(MaxDaysAhead);
        return effectiveFrom > latest
            ? LedgerRuleViolation.Invalid("rule_effective_date_too_far",
                $"生效日不能晚于 {latest:uuuu-MM-dd}（{MaxDaysAhead} 天内） / {field} must be within {MaxDaysAhead} days, by {latest:uuuu-MM-dd}",
                field)
            : null;
    }

    /// <summary>Returns the first problem with this rule, or null when it is sound.</summary>
    public LedgerRuleViolation? Problem()
    {
        if (Points is < 1 or > MaxPoints)
            return LedgerRuleViolation.Invalid("rule_points_out_of_range",
                $"积分须在 1 到 {MaxPoints} 之间 / points must be between 1 and {MaxPoints}", "rule.points");
        if (StandardMinutes is < 1 or > MaxMinutes)
            return LedgerRuleViolation.Invalid("rule_standard_minutes_out_of_range",
                $"标准时长须在 1 到 {MaxMinutes} 分钟之间 / standardMinutes must be between 1 and {MaxMinutes}",
                "rule.standardMinutes");
        return Kind switch
        {
            PointRuleKind.PerHour when MinimumMinutes is null or < 1 or > MaxMinutes =>
                LedgerRuleViolation.Invalid("rule_minimum_minutes_required",
                    "按小时计分须设置最短时长 / a per-hour rule needs minimumMinutes between 1 and 1440",
                    "rule.minimumMinutes"),
            PointRuleKind.PerVisit when WeeklyCap is null || WeeklyCap < Points =>
                LedgerRuleViolation.Invalid("rule_weekly_cap_required",
                    "按次探访计分须设置不低于单次积分的每周上限 / a per-visit rule needs a weeklyCap of at least its points",
                    "rule.weeklyCap"),
            // Only per-hour rules use a minimum, but one given must still be a duration.
            PointRuleKind.PerOccasion or PointRuleKind.PerVisit when MinimumMinutes is < 1 or > MaxMinutes =>
                LedgerRuleViolation.Invalid("rule_minimum_minutes_out_of_range",
                    $"最短时长须在 1 到 {MaxMinutes} 分钟之间 / minimumMinutes must be between 1 and {MaxMinutes}",
                    "rule.minimumMinutes"),
            PointRuleKind.PerOccasion or PointRuleKind.PerHour when WeeklyCap is not null =>
                LedgerRuleViolation.Invalid("rule_weekly_cap_not_allowed",
                    "仅按次探访规则可设每周上限 / only per-visit rules have a weekly cap", "rule.weeklyCap"),
            _ => null
        };
    }
}

/// <summary>The value a rule gives one service record: the points credited and the minutes of service counted.</summary>
public sealed record Valuation(int Points, int Minutes, bool CapReached);

public static class PointValuation
{
    public const int MaxOccasions = 20;

    /// <summary>
    /// Values a service under <paramref name="rule"/>. <paramref name="alreadyCreditedThisWeek"/> is what the
    /// volunteer already earned under this activity in the service date's week (only per-visit rules use it).
    /// Throws when the service does not qualify (below the minimum duration, too many occasions).
    /// </summary>
    public static Valuation Value(PointRule rule, int? minutes, int occasions, int alreadyCreditedThisWeek)
    {
        if (occasions is < 1 or > MaxOccasions)
            throw LedgerRuleViolation.Invalid("occasions_out_of_range",
                $"次数须在 1 到 {MaxOccasions} 之间 / occasions must be between 1 and {MaxOccasions}", "occasions");
        if (minutes is < 1 or > PointRule.MaxMinutes)
            throw LedgerRuleViolation.Invalid("duration_out_of_range",
                "服务时长须在 1 到 1440 分钟之间 / durationMinutes must be between 1 and 1440", "durationMinutes");

        switch (rule.Kind)
        {
            case PointRuleKind.PerHour:
                if (minutes is null)
                    throw LedgerRuleViolation.Invalid("duration_required",
                        "该活动按小时计分，须填写服务时长 / this activity is valued per hour: durationMinutes is required",
                        "durationMinutes");
                if (occasions != 1)
                    throw LedgerRuleViolation.Invalid("occasions_not_allowed",
                        "按小时计分的活动每条记录只算一次 / a per-hour record covers one occasion", "occasions");
                if (minutes < rule.MinimumMinutes)
                    throw LedgerRuleViolation.Invalid("duration_below_minimum",
                        $"服务时长不足 {rule.MinimumMinutes} 分钟 / durationMinutes is below the minimum of {rule.MinimumMinutes}",
                        "durationMinutes");
                return new Valuation(rule.Points * minutes.Value / 60, minutes.Value, false);

            case PointRuleKind.PerVisit:
                var uncapped = rule.Points * occasions;
                var room = Math.Max(0, rule.WeeklyCap!.Value - alreadyCreditedThisWeek);
                return new Valuation(Math.Min(uncapped, room), minutes ?? rule.StandardMinutes * occasions,
                    uncapped > room);

            default:
                return new Valuation(rule.Points * occasions, minutes ?? rule.StandardMinutes * occasions, false);
        }
    }
}
