using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Activities;

/// <summary>Publishes a new version of an activity's point rule. Credits already awarded keep the version
/// that valued them; services dated from <see cref="EffectiveFrom"/> on are valued by the new one.</summary>
public sealed record PublishPointRule(string Code, LocalDate EffectiveFrom, PointRule Rule, string Reason, string Actor);

public static class PublishPointRuleDecider
{
    public const int MaxReasonLength = 500;

    public static PointRulePublished Decide(PublishPointRule command, Activity activity, Instant now)
    {
        if (command.Rule.Problem() is { } problem) throw problem;
        var latest = activity.Latest;
        if (latest is not null && command.EffectiveFrom <= latest.EffectiveFrom)
            throw LedgerRuleViolation.Conflict("rule_effective_date_not_after_previous",
                $"新规则生效日须晚于现行版本的 {latest.EffectiveFrom:uuuu-MM-dd} / effectiveFrom must be after " +
                $"{latest.EffectiveFrom:uuuu-MM-dd}, when version {latest.Version} took effect", "effectiveFrom");
        if (latest is not null && latest.Rule.Kind != command.Rule.Kind)
            throw LedgerRuleViolation.Invalid("rule_kind_change",
                "不能改变计分方式，请新建活动 / a new version cannot change how the activity is valued; define a new activity",
                "rule.kind");
        if (PointRule.EffectiveDateProblem(command.EffectiveFrom, now, "effectiveFrom") is { } tooFar) throw tooFar;
        if (string.IsNullOrWhiteSpace(command.Reason))
            throw LedgerRuleViolation.Invalid("reason_required", "须说明调整原因 / a reason is required", "reason");
        var reason = PersonalDataGuard.Text(command.Reason, "reason", MaxReasonLength)!;

        return new PointRulePublished(activity.Id, activity.Code, (latest?.Version ?? 0) + 1, command.EffectiveFrom,
            command.Rule, reason, now, command.Actor);
    }
}

public static class PublishPointRuleHandler
{
    public static async Task<PointRulePublished> Handle(PublishPointRule command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Activity>(DeterministicId.ForActivity(command.Code), ct);
        var activity = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("activity", command.Code, "code");
        var published = PublishPointRuleDecider.Decide(command, activity, clock.GetCurrentInstant());
        stream.AppendOne(published);
        return published;
    }
}
