using Marten;
using QunTuan.Api.Participation;
using QunTuan.Projections.Communities;
using Wolverine.Http;

namespace QunTuan.Api.Rankings;

public sealed record CommunityRankEntry(
    int Rank,
    Guid CommunityId,
    string Code,
    string NameZh,
    int PermanentResidents,
    long Participants,
    decimal ParticipationRatePercent,
    long Sessions,
    long PointsIssued);

public sealed record CommunityRanking(string Period, IReadOnlyList<CommunityRankEntry> Entries);

public static class GetCommunityRankingEndpoint
{
    /// <summary>Communities by participation rate in the period (exact fraction, shown to one decimal).</summary>
    [WolverineGet("/api/rankings/communities")]
    public static Task<CommunityRanking> Get(string? period, bool? fresh, IDocumentStore store, CancellationToken ct) =>
        Build(store, period, fresh == true, ct);

    public static async Task<CommunityRanking> Build(IDocumentStore store, string? period, bool fresh,
        CancellationToken ct)
    {
        var when = Periods.Parse(period);
        if (fresh) await Freshness.WaitForProjections(store, ct);
        await using var session = store.QuerySession();
        var communities = await session.Query<CommunityView>().ToListAsync(ct);
        var counts = (await ParticipationQueries.ByCommunity(store, when, ct)).ToDictionary(c => c.Key);

        var ordered = communities
            .Select(c => (Community: c, Count: counts.GetValueOrDefault(c.Id.ToString()) ?? new ParticipationCount("", 0, 0, 0, 0, 0)))
            .OrderByDescending(x => (decimal)x.Count.Participants / x.Community.PermanentResidents)
            .ThenBy(x => x.Community.Code)
            .ToList();
        var entries = new List<CommunityRankEntry>();
        foreach (var ((c, n), i) in ordered.Select((x, i) => (x, i)))
        {
            var rank = i > 0 && (long)ordered[i - 1].Count.Participants * c.PermanentResidents ==
                (long)n.Participants * ordered[i - 1].Community.PermanentResidents
                ? entries[^1].Rank
                : i + 1;
            entries.Add(new CommunityRankEntry(rank, c.Id, c.Code, c.NameZh, c.PermanentResidents, n.Participants,
                ParticipationReports.Percent(n.Participants, c.PermanentResidents), n.Sessions, n.Points));
        }
        return new CommunityRanking(when.Key, entries);
    }
}
