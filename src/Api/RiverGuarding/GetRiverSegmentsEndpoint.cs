using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.RiverGuarding;
using Wolverine.Http;

namespace QunTuan.Api.RiverGuarding;

/// <param name="Month">The Asia/Shanghai calendar month <paramref name="PatrolsThisMonth"/> counts, <c>2026-11</c>.</param>
public sealed record RiverSegmentCoverageResult(
    Guid SegmentId,
    Guid TeamId,
    string Name,
    int LengthMetres,
    LocalDate? LastPatrolDate,
    string Month,
    int PatrolsThisMonth,
    int TotalPatrols,
    int OpenFindingsCount,
    OpenRiverFinding[] OpenFindings);

public static class GetRiverSegmentsEndpoint
{
    /// <summary>Each segment of the team, in the team's order, with its coverage as of today.</summary>
    [WolverineGet("/api/river-teams/{teamId}/segments")]
    public static async Task<RiverSegmentCoverageResult[]> Get(string teamId, IQuerySession session, IClock clock,
        CancellationToken ct)
    {
        var team = await GetRiverTeamEndpoint.Load(session, teamId, ct);
        var coverage = (await session.Query<RiverSegmentCoverage>().Where(x => x.TeamId == team.Id).ToListAsync(ct))
            .ToDictionary(c => c.Id);
        var today = ShanghaiCalendar.Today(clock.GetCurrentInstant());
        var month = $"{today.Year:D4}-{today.Month:D2}";

        return team.Segments.Select(s => coverage.TryGetValue(s.SegmentId, out var c)
                ? new RiverSegmentCoverageResult(c.Id, c.TeamId, c.Name, c.LengthMetres, c.LastPatrolDate, month,
                    c.PatrolsIn(today.Year, today.Month), c.TotalPatrols, c.OpenFindings.Length, c.OpenFindings)
                : new RiverSegmentCoverageResult(s.SegmentId, team.Id, s.Name, s.LengthMetres, null, month, 0, 0, 0, []))
            .ToArray();
    }
}
