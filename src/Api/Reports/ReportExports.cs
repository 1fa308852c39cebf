using Marten;
using QunTuan.Api.Participation;
using QunTuan.Api.Rankings;
using QunTuan.Api.Ratings;
using Wolverine.Http;

namespace QunTuan.Api.Reports;

/// <summary>Every report also as CSV, with the same query parameters as its JSON route.</summary>
public static class ReportExports
{
    [WolverineGet("/api/communities/{communityId}/participation.csv")]
    public static async Task<IResult> Participation(string communityId, string? period, string? by, bool? fresh,
        IDocumentStore store, CancellationToken ct)
    {
        var r = await ParticipationReports.Build(store, communityId, period, by, fresh == true, ct);
        var header = new object?[]
        {
            "分组 Group", "名称 Name", "参与人数 Participants (人)", "参与率 Rate %", "活动场次 Sessions (次/场)",
            "参与人次 Person-times (人次)", "服务分钟 Minutes", "发放积分 Points issued",
            "兑换积分 Points redeemed"
        };
        var rows = new List<object?[]>
        {
            header,
            new object?[] { "total", $"{r.CommunityNameZh} {r.Period}", r.Participants, r.ParticipationRatePercent,
                r.Sessions, r.PersonTimes, r.ServiceMinutes, r.PointsIssued, r.PointsRedeemed }
        };
        // Redemptions belong to the community, not to a category, grid or affiliation: the lines leave it empty.
        rows.AddRange(r.Breakdown.Select(l => new object?[]
        {
            l.Key, $"{l.NameZh} {l.NameEn}", l.Participants, l.ParticipationRatePercent, l.Sessions, l.PersonTimes,
            l.ServiceMinutes, l.PointsIssued, null
        }));
        return Csv.File($"participation-{r.CommunityCode}-{r.Period}{(r.By is null ? "" : "-" + r.By)}.csv", rows);
    }

    [WolverineGet("/api/rankings/volunteers.csv")]
    public static async Task<IResult> Volunteers(string? community, string? period, int? top, bool? fresh,
        IDocumentStore store, CancellationToken ct)
    {
        var r = await GetVolunteerRankingEndpoint.Build(store, community, period, top, fresh == true, ct);
        var rows = new List<object?[]>
        {
            new object?[] { "名次 Rank", "志愿者 Volunteer", "网格 Grid", "积分 Points", "服务分钟 Minutes", "人次 Person-times", "星级 Stars" }
        };
        rows.AddRange(r.Entries.Select(e => new object?[]
            { e.Rank, e.DisplayName, e.Grid, e.Points, e.ServiceMinutes, e.PersonTimes, e.Stars.Stars }));
        return Csv.File($"volunteer-ranking-{r.Community}-{r.Period}.csv", rows);
    }

    [WolverineGet("/api/rankings/communities.csv")]
    public static async Task<IResult> Communities(string? period, bool? fresh, IDocumentStore store, CancellationToken ct)
    {
        var r = await GetCommunityRankingEndpoint.Build(store, period, fresh == true, ct);
        var rows = new List<object?[]>
        {
            new object?[] { "名次 Rank", "社区 Community", "常住人口 Residents", "参与人数 Participants", "参与率 Rate %", "场次 Sessions", "积分 Points" }
        };
        rows.AddRange(r.Entries.Select(e => new object?[]
            { e.Rank, e.NameZh, e.PermanentResidents, e.Participants, e.ParticipationRatePercent, e.Sessions, e.PointsIssued }));
        return Csv.File($"community-ranking-{r.Period}.csv", rows);
    }

    [WolverineGet("/api/communities/{communityId}/ratings.csv")]
    public static async Task<IResult> Ratings(string communityId, string? period, bool? fresh, IDocumentStore store,
        CancellationToken ct)
    {
        var r = await GetRatingsEndpoint.Build(store, communityId, period, fresh == true, ct);
        var rows = new List<object?[]>
        {
            new object?[] { "队伍 Team", "类型 Kind", "活动 Activities", "参与 Participants", "应参与 Invited", "吸引率 Attraction %",
                "评价 Ratings", "满意 Satisfied", "满意率 Satisfaction %", "低于80% Below 80%" }
        };
        rows.AddRange(r.Teams.Select(t => new object?[]
        {
            t.Name, t.Kind, t.Activities, t.Participants, t.Invited, t.AttractionRatePercent, t.Ratings, t.Satisfied,
            t.SatisfactionRatePercent, t.BelowThreshold ? "是 yes" : "否 no"
        }));
        return Csv.File($"ratings-{r.Period}.csv", rows);
    }
}
