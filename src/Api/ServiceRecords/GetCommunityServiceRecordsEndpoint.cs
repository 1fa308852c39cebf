using Marten;
using Marten.Pagination;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ServiceRecords;
using QunTuan.Projections.Activities;
using QunTuan.Projections.ServiceRecords;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.ServiceRecords;

public sealed record QueuedServiceRecord(
    ServiceRecordView Record,
    string? VolunteerName,
    string? VolunteerGrid,
    string? ActivityNameZh,
    string? ActivityNameEn);

public static class GetCommunityServiceRecordsEndpoint
{
    /// <summary>
    /// The office queue: a community's records in one status (pending by default), oldest first so nothing
    /// waits forever, each with the volunteer's name and grid so the clerk can decide without another lookup.
    /// </summary>
    [WolverineGet("/api/communities/{communityId}/service-records")]
    public static async Task<ResultPage<QueuedServiceRecord>> Get(string communityId, string? status, int? page,
        int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var wanted = ParseStatus(status);
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);

        var records = await session.Query<ServiceRecordView>()
            .Where(x => x.CommunityId == community.Id && x.Status == wanted)
            .OrderBy(x => x.SubmittedAt)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);
        var volunteers = (await session.LoadManyAsync<VolunteerProfile>(ct, records.Select(r => r.VolunteerId).Distinct()))
            .ToDictionary(v => v.Id);
        var names = await QunTuan.Api.Volunteers.VolunteerNames.Load(session, volunteers.Keys, ct);
        var activities = (await session.Query<ActivityView>().ToListAsync(ct)).ToDictionary(a => a.Code);

        var items = records.Select(r =>
        {
            var volunteer = volunteers.GetValueOrDefault(r.VolunteerId);
            var activity = activities.GetValueOrDefault(r.ActivityCode);
            return new QueuedServiceRecord(r, names.GetValueOrDefault(r.VolunteerId), volunteer?.Grid, activity?.NameZh,
                activity?.NameEn);
        }).ToList();
        return new ResultPage<QueuedServiceRecord>(items, paging.Page, paging.PageSize, records.TotalItemCount);
    }

    private static ServiceRecordStatus ParseStatus(string? status)
    {
        if (string.IsNullOrWhiteSpace(status)) return ServiceRecordStatus.Pending;
        return Enum.TryParse<ServiceRecordStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)
            ? parsed
            : throw new RequestRejected("status", "unknown_status",
                "status 须为 pending、credited、rejected 或 reversed / status must be pending, credited, rejected or reversed");
    }
}
