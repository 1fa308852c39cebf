using Marten;
using Marten.Linq.MatchesSql;
using Marten.Pagination;
using NodaTime;
using NodaTime.Text;
using QunTuan.Api.Communities;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Patrols;
using QunTuan.Projections.Patrols;
using Wolverine.Http;

namespace QunTuan.Api.Patrols;

/// <summary>A line of a community's shift list: what was planned and how many took part (人次).</summary>
public sealed record PatrolShiftSummary(
    Guid Id,
    Guid? TeamId,
    string? TeamName,
    string Area,
    string ActivityCode,
    LocalDate ServiceDate,
    Instant PlannedStart,
    Instant PlannedEnd,
    PatrolShiftStatus Status,
    int PersonTimes,
    int Incidents);

public static class GetCommunityPatrolShiftsEndpoint
{
    /// <summary>
    /// A community's patrol shifts, newest planned start first. <c>from</c> and <c>to</c> are service dates
    /// (Asia/Shanghai, inclusive), each optional.
    /// </summary>
    [WolverineGet("/api/communities/{communityId}/patrol-shifts")]
    public static async Task<ResultPage<PatrolShiftSummary>> Get(string communityId, string? from, string? to,
        int? page, int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var first = ParseDate(from, "from");
        var last = ParseDate(to, "to");
        if (first is not null && last is not null && last < first)
            throw new RequestRejected("to", "invalid_date_range",
                "to 不能早于 from / to must not be before from");
        var community = await GetCommunityEndpoint.Load(session, communityId, ct);

        // Service dates are stored as ISO text, so text comparison is date order; Marten's LINQ cannot compare
        // NodaTime values itself.
        var query = session.Query<PatrolShiftView>().Where(x => x.CommunityId == community.Id);
        if (first is { } f)
            query = query.Where(x => x.MatchesSql("d.data ->> 'serviceDate' >= ?", LocalDatePattern.Iso.Format(f)));
        if (last is { } l)
            query = query.Where(x => x.MatchesSql("d.data ->> 'serviceDate' <= ?", LocalDatePattern.Iso.Format(l)));
        var shifts = await query.OrderByDescending(x => x.PlannedStart)
            .ToPagedListAsync(paging.Page, paging.PageSize, ct);

        var items = shifts.Select(s => new PatrolShiftSummary(s.Id, s.TeamId, s.TeamName, s.Area, s.ActivityCode,
            s.ServiceDate, s.PlannedStart, s.PlannedEnd, s.Status, s.PersonTimes, s.Incidents.Count)).ToList();
        return new ResultPage<PatrolShiftSummary>(items, paging.Page, paging.PageSize, shifts.TotalItemCount);
    }

    private static LocalDate? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parsed = LocalDatePattern.Iso.Parse(value.Trim());
        return parsed.Success
            ? parsed.Value
            : throw new RequestRejected(field, "invalid_value",
                $"{field} 须为 yyyy-MM-dd 格式的日期 / {field} must be a date like 2026-11-23");
    }
}
