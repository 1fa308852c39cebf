using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Participation;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Communities;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Rankings;

public sealed record VolunteerRankEntry(
    int Rank,
    Guid VolunteerId,
    string DisplayName,
    string Grid,
    long Points,
    long ServiceMinutes,
    long PersonTimes,
    StarLevel Stars);

public sealed record VolunteerRanking(string Community, string Period, IReadOnlyList<VolunteerRankEntry> Entries);

public static class GetVolunteerRankingEndpoint
{
    /// <summary>
    /// 季度排行榜: a community's volunteers by points earned in the period, ties broken by service minutes;
    /// equal on both, equal rank. Each with their star level from lifetime hours.
    /// </summary>
    [WolverineGet("/api/rankings/volunteers")]
    public static Task<VolunteerRanking> Get(string? community, string? period, int? top, bool? fresh,
        IDocumentStore store, CancellationToken ct) => Build(store, community, period, top, fresh == true, ct);

    public static async Task<VolunteerRanking> Build(IDocumentStore store, string? community, string? period, int? top,
        bool fresh, CancellationToken ct)
    {
        var when = Periods.Parse(period);
        if (string.IsNullOrWhiteSpace(community))
            throw new RequestRejected("community", "community_required", "须指定社区 / community is required");
        var size = top ?? 20;
        if (size is < 1 or > Paging.MaxPageSize)
            throw new RequestRejected("top", "top_out_of_range", "top 须在 1 到 100 之间 / top must be between 1 and 100");
        if (fresh) await Freshness.WaitForProjections(store, ct);

        await using var session = store.QuerySession();
        var place = await session.LoadAsync<CommunityView>(CommunityRef.Resolve(community), ct)
                    ?? throw LedgerRuleViolation.NotFound("community", community, "community");
        var rows = await ParticipationQueries.ByVolunteer(store, place.Id, when, size, ct);
        var ids = rows.Select(r => Guid.Parse(r.Key)).ToList();
        var names = await VolunteerNames.Load(session, ids, ct);
        var profiles = (await session.LoadManyAsync<VolunteerProfile>(ct, ids)).ToDictionary(p => p.Id);
        var balances = (await session.LoadManyAsync<VolunteerBalance>(ct, ids)).ToDictionary(b => b.Id);

        var entries = new List<VolunteerRankEntry>();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            var id = Guid.Parse(row.Key);
            var rank = index > 0 && rows[index - 1] is var prev && prev.Points == row.Points && prev.Minutes == row.Minutes
                ? entries[^1].Rank
                : index + 1;
            entries.Add(new VolunteerRankEntry(rank, id, names[id], profiles.GetValueOrDefault(id)?.Grid ?? "",
                row.Points, row.Minutes, row.PersonTimes,
                StarLevel.ForMinutes(balances.GetValueOrDefault(id)?.LifetimeServiceMinutes ?? 0)));
        }
        return new VolunteerRanking(place.Code, when.Key, entries);
    }
}
