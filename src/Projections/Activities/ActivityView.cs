using Marten.Events.Aggregation;
using NodaTime;
using QunTuan.Ledger.Activities;

namespace QunTuan.Projections.Activities;

public sealed record RuleVersionView(
    int Version,
    string RuleId,
    LocalDate EffectiveFrom,
    PointRule Rule,
    string Reason,
    Instant PublishedAt,
    string PublishedBy);

/// <summary>One subcategory of the catalog with its full rule history (newest last).</summary>
public sealed record ActivityView(
    Guid Id,
    string Code,
    string CategoryCode,
    string NameZh,
    string NameEn,
    string Unit,
    IReadOnlyList<RuleVersionView> Rules)
{
    public RuleVersionView? RuleOn(LocalDate date) => Rules.LastOrDefault(r => r.EffectiveFrom <= date);
}

public sealed partial class ActivityViewProjection : SingleStreamProjection<ActivityView, Guid>
{
    public ActivityView Create(ActivityDefined e) =>
        new(e.ActivityId, e.Code, e.CategoryCode, e.NameZh, e.NameEn, e.Unit, []);

    public ActivityView Apply(PointRulePublished e, ActivityView view) =>
        view with
        {
            Rules = [..view.Rules, new RuleVersionView(e.Version, $"{e.Code}.v{e.Version}", e.EffectiveFrom, e.Rule,
                e.Reason, e.PublishedAt, e.PublishedBy)]
        };
}
