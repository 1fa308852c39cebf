using System.Text.RegularExpressions;
using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Activities;

/// <summary>Adds a subcategory to the catalog together with its first point rule.</summary>
public sealed record DefineActivity(
    string Code,
    string CategoryCode,
    string NameZh,
    string NameEn,
    string Unit,
    LocalDate RuleEffectiveFrom,
    PointRule Rule,
    string Actor);

public static partial class DefineActivityDecider
{
    [GeneratedRegex("^[A-Z][A-Z0-9]{1,9}$")]
    public static partial Regex CodePattern();

    public static object[] Decide(DefineActivity command, Activity? existing, Instant now)
    {
        if (existing is not null)
            throw LedgerRuleViolation.Conflict("activity_code_taken",
                $"活动代码 {command.Code} 已存在 / activity code {command.Code} already exists", "code");
        if (ActivityCategory.Find(command.CategoryCode) is null)
            throw LedgerRuleViolation.Invalid("unknown_category",
                "类别须为 CB（社区建设）或 PV（公益美德） / categoryCode must be CB or PV", "categoryCode");
        if (command.Rule.Problem() is { } problem) throw problem;
        if (PointRule.EffectiveDateProblem(command.RuleEffectiveFrom, now, "ruleEffectiveFrom") is { } tooFar) throw tooFar;

        var code = command.Code.Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(code))
            throw LedgerRuleViolation.Invalid("invalid_activity_code",
                "活动代码须为 2-10 位大写字母或数字，以字母开头 / code must be 2-10 letters or digits, starting with a letter",
                "code");
        var id = DeterministicId.ForActivity(code);
        return
        [
            new ActivityDefined(id, code, command.CategoryCode.ToUpperInvariant(),
                PersonalDataGuard.Text(command.NameZh, "nameZh", 60, required: true)!,
                PersonalDataGuard.Text(command.NameEn, "nameEn", 120, required: true)!,
                PersonalDataGuard.Text(command.Unit, "unit", 30, required: true)!, now, command.Actor),
            new PointRulePublished(id, code, 1, command.RuleEffectiveFrom, command.Rule, "initial rule", now,
                command.Actor)
        ];
    }
}

public static class DefineActivityHandler
{
    public static async Task<Guid> Handle(DefineActivity command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var id = DeterministicId.ForActivity(command.Code);
        var existing = await session.Events.FetchLatest<Activity>(id, ct);
        session.Events.StartStream<Activity>(id, DefineActivityDecider.Decide(command, existing, clock.GetCurrentInstant()));
        return id;
    }
}
