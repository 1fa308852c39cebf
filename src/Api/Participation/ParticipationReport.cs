using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Activities;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Activities;
using QunTuan.Projections.Communities;

namespace QunTuan.Api.Participation;

/// <summary>A line of a breakdown. Participants of different lines may overlap (one resident, two categories);
/// sessions, person-times, minutes and points add up to the totals.</summary>
public sealed record ParticipationLine(
    string Key,
    string NameZh,
    string NameEn,
    long Participants,
    decimal ParticipationRatePercent,
    long Sessions,
    long PersonTimes,
    long ServiceMinutes,
    long PointsIssued);

/// <summary>
/// A community's participation in a period: distinct residents (人), their share of the permanent population,
/// activity sessions (次/场), person-times (人次), service minutes and points.
/// </summary>
public sealed record ParticipationReport(
    Guid CommunityId,
    string CommunityCode,
    string CommunityNameZh,
    int PermanentResidents,
    string Period,
    LocalDate From,
    LocalDate To,
    long Participants,
    decimal ParticipationRatePercent,
    long Sessions,
    long PersonTimes,
    long ServiceMinutes,
    long PointsIssued,
    long PointsRedeemed,
    string? By,
    IReadOnlyList<ParticipationLine> Breakdown);

public static class ParticipationReports
{
    public static async Task<ParticipationReport> Build(IDocumentStore store, string communityId, string? period,
        string? by, bool fresh, CancellationToken ct)
    {
        var when = Periods.Parse(period);
        var breakdown = ParseBreakdown(by);
        if (fresh) await Freshness.WaitForProjections(store, ct);

        await using var session = store.QuerySession();
        var community = await session.LoadAsync<CommunityView>(CommunityRef.Resolve(communityId), ct)
                        ?? throw LedgerRuleViolation.NotFound("community", communityId);
        var totals = await ParticipationQueries.Totals(store, community.Id, when, ct);
        var redeemed = await ParticipationQueries.PointsRedeemed(store, community.Id, when, ct);

        IReadOnlyList<ParticipationLine> lines = [];
        if (breakdown is { } b)
        {
            var activities = await session.Query<ActivityView>().ToListAsync(ct);
            var counts = await ParticipationQueries.By(store, community.Id, when, b,
                activities.ToDictionary(a => a.Code, a => a.CategoryCode), ct);
            lines = Lines(b, counts, activities, community.PermanentResidents);
        }

        return new ParticipationReport(community.Id, community.Code, community.NameZh, community.PermanentResidents,
            when.Key, when.Start, when.End, totals.Participants, Percent(totals.Participants, community.PermanentResidents),
            totals.Sessions, totals.PersonTimes, totals.Minutes, totals.Points, redeemed,
            breakdown?.ToString().ToLowerInvariant(), lines);
    }

    public static decimal Percent(long part, long whole) =>
        whole == 0 ? 0 : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private static IReadOnlyList<ParticipationLine> Lines(Breakdown by, IReadOnlyList<ParticipationCount> counts,
        IReadOnlyList<ActivityView> activities, int residents)
    {
        (string Zh, string En) Name(string key) => by switch
        {
            Breakdown.Category => ActivityCategory.Find(key) is { } c ? (c.NameZh, c.NameEn) : (key, key),
            Breakdown.Subcategory => activities.FirstOrDefault(a => a.Code == key) is { } a ? (a.NameZh, a.NameEn) : (key, key),
            Breakdown.Affiliation => AffiliationNames.Of(key),
            _ => (key, key)
        };
        var byKey = counts.ToDictionary(c => c.Key);
        // Every category and subcategory is listed, with zeros, so months can be compared line by line.
        var keys = by switch
        {
            Breakdown.Category => ActivityCategory.All.Select(c => c.Code).Union(byKey.Keys),
            Breakdown.Subcategory => activities.Select(a => a.Code).Order().Union(byKey.Keys),
            _ => byKey.Keys.Order()
        };
        return keys.Select(k =>
        {
            var c = byKey.GetValueOrDefault(k) ?? new ParticipationCount(k, 0, 0, 0, 0, 0);
            var (zh, en) = Name(k);
            return new ParticipationLine(k, zh, en, c.Participants, Percent(c.Participants, residents), c.Sessions,
                c.PersonTimes, c.Minutes, c.Points);
        }).ToList();
    }

    private static Breakdown? ParseBreakdown(string? by) =>
        string.IsNullOrWhiteSpace(by)
            ? null
            : Enum.TryParse<Breakdown>(by, ignoreCase: true, out var b) && !int.TryParse(by, out _)
                ? b
                : throw new RequestRejected("by", "unknown_breakdown",
                    "by 须为 category、subcategory、grid 或 affiliation / by must be category, subcategory, grid or affiliation");
}

public static class Periods
{
    public static ReportingPeriod Parse(string? period) =>
        ReportingPeriod.TryParse(period, out var p)
            ? p
            : throw new RequestRejected("period", "invalid_period",
                "period 须写作 2026、2026-Q3 或 2026-07 / period must look like 2026, 2026-Q3 or 2026-07");
}

public static class AffiliationNames
{
    public static (string Zh, string En) Of(string stored) => stored switch
    {
        "UnionMember" => ("工会会员", "Union member"),
        "YouthLeague" => ("共青团员", "Youth League member"),
        "WomensFederation" => ("妇联", "Women's Federation"),
        "PartyMember" => ("党员", "Party member"),
        "none" => ("无群团身份", "No affiliation"),
        _ => (stored, stored)
    };
}
