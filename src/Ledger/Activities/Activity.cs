using System.Collections.Immutable;
using NodaTime;

namespace QunTuan.Ledger.Activities;

public sealed record RuleVersion(int Version, LocalDate EffectiveFrom, PointRule Rule);

/// <summary>Decision state of one activity: its code and every rule version, oldest first.</summary>
public sealed record Activity(Guid Id, string Code, string CategoryCode, ImmutableList<RuleVersion> Rules)
{
    public static Activity Create(ActivityDefined e) => new(e.ActivityId, e.Code, e.CategoryCode, []);

    public Activity Apply(PointRulePublished e) =>
        this with { Rules = Rules.Add(new RuleVersion(e.Version, e.EffectiveFrom, e.Rule)) };

    public RuleVersion? Latest => Rules.Count == 0 ? null : Rules[^1];

    /// <summary>The rule in force on a service date: the latest version whose start is not after it.</summary>
    public RuleVersion? RuleOn(LocalDate serviceDate) => Rules.LastOrDefault(r => r.EffectiveFrom <= serviceDate);
}
