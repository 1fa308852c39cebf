using Marten;
using Marten.Pagination;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Projections.ElderCare;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.ElderCare;

public sealed record OpenElderAlert(ElderAlertView Alert, string? ElderName, string? ElderGrid, string? VolunteerName);

public static class GetElderAlertsEndpoint
{
    /// <summary>The office's alert list: open alerts only, emergencies first, then the oldest first.</summary>
    [WolverineGet("/api/communities/{communityId}/elder-alerts")]
    public static async Task<ResultPage<OpenElderAlert>> Get(string communityId, int? page, int? pageSize,
        IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);
        var alerts = await session.Query<ElderAlertView>()
            .Where(x => x.CommunityId == community.Id && x.Open)
            .OrderByDescending(x => x.Rank).ThenBy(x => x.RaisedAt)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        var elders = (await session.LoadManyAsync<ElderView>(ct, alerts.Select(a => a.ElderId).Distinct()))
            .ToDictionary(e => e.Id);
        var volunteerNames = await QunTuan.Api.Volunteers.VolunteerNames.Load(session, alerts.Select(a => a.VolunteerId), ct);
        var volunteers = (await session.LoadManyAsync<VolunteerProfile>(ct, alerts.Select(a => a.VolunteerId).Distinct()))
            .ToDictionary(v => v.Id);

        var items = alerts.Select(a => new OpenElderAlert(a, elders.GetValueOrDefault(a.ElderId)?.DisplayName,
            elders.GetValueOrDefault(a.ElderId)?.Grid, volunteerNames.GetValueOrDefault(a.VolunteerId))).ToList();
        return new ResultPage<OpenElderAlert>(items, paging.Page, paging.PageSize, alerts.TotalItemCount);
    }
}
