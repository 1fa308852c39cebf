using NodaTime;

namespace QunTuan.Ledger.Activities;

/// <summary>A subcategory of volunteer service joined the catalog.</summary>
public sealed record ActivityDefined(
    Guid ActivityId,
    string Code,
    string CategoryCode,
    string NameZh,
    string NameEn,
    string Unit,
    Instant DefinedAt,
    string DefinedBy);

/// <summary>A version of an activity's point rule, in force for services dated on or after
/// <paramref name="EffectiveFrom"/> until the next version starts.</summary>
public sealed record PointRulePublished(
    Guid ActivityId,
    string Code,
    int Version,
    LocalDate EffectiveFrom,
    PointRule Rule,
    string Reason,
    Instant PublishedAt,
    string PublishedBy);
