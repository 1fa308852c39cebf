using JasperFx.Events;
using Marten.Events.Projections;
using NodaTime;
using QunTuan.Ledger.RiverGuarding;

namespace QunTuan.Projections.RiverGuarding;

public sealed record OpenRiverFinding(
    Guid FindingId,
    Guid PatrolId,
    RiverFindingKind Kind,
    RiverFindingSeverity Severity,
    int Count,
    LocalDate ReportedOn);

/// <summary>
/// How well one segment is looked after. A projection cannot know today's date, so it keeps the patrol dates
/// of the latest <see cref="MonthsKept"/> calendar months (counted back from the latest patrol) and the reader
/// counts "this month" from its own clock with <see cref="PatrolsIn"/>.
/// </summary>
public sealed record RiverSegmentCoverage(
    Guid Id,
    Guid TeamId,
    string Name,
    int LengthMetres,
    LocalDate? LastPatrolDate,
    int TotalPatrols,
    LocalDate[] RecentPatrolDates,
    OpenRiverFinding[] OpenFindings)
{
    public const int MonthsKept = 3;

    public int PatrolsIn(int year, int month) => RecentPatrolDates.Count(d => d.Year == year && d.Month == month);
}

public sealed partial class RiverSegmentCoverageProjection : MultiStreamProjection<RiverSegmentCoverage, Guid>
{
    public RiverSegmentCoverageProjection()
    {
        // A team is formed with several segments at once: its first event fans out to one document per segment.
        Identities<RiverTeamFormed>(e => e.Segments.Select(s => s.SegmentId).ToArray());
        Identity<RiverSegmentAdded>(e => e.SegmentId);
        Identity<RiverPatrolRecorded>(e => e.SegmentId);
        Identity<RiverFindingReported>(e => e.SegmentId);
        Identity<RiverFindingResolved>(e => e.SegmentId);
    }

    // Explicit, because creating a document from the fanned-out formation event needs the segment id it is for.
    public override RiverSegmentCoverage? Evolve(RiverSegmentCoverage? snapshot, Guid id, IEvent e) =>
        (e.Data, snapshot) switch
        {
            (RiverTeamFormed f, _) when f.Segments.FirstOrDefault(s => s.SegmentId == id) is { } s =>
                New(id, f.TeamId, s.Name, s.LengthMetres),
            (RiverSegmentAdded a, _) => New(id, a.TeamId, a.Name, a.LengthMetres),
            (RiverPatrolRecorded p, { } c) => WithPatrol(c, p.ServiceDate),
            (RiverFindingReported r, { } c) => c with
            {
                OpenFindings = [.. c.OpenFindings, new OpenRiverFinding(r.FindingId, r.PatrolId, r.Kind, r.Severity,
                    r.Count, r.ReportedOn)]
            },
            (RiverFindingResolved r, { } c) => c with
            {
                OpenFindings = c.OpenFindings.Where(f => f.FindingId != r.FindingId).ToArray()
            },
            _ => snapshot
        };

    private static RiverSegmentCoverage New(Guid id, Guid teamId, string name, int lengthMetres) =>
        new(id, teamId, name, lengthMetres, null, 0, [], []);

    private static RiverSegmentCoverage WithPatrol(RiverSegmentCoverage c, LocalDate date)
    {
        var last = c.LastPatrolDate is { } previous && previous > date ? previous : date;
        var keepFrom = new LocalDate(last.Year, last.Month, 1).PlusMonths(1 - RiverSegmentCoverage.MonthsKept);
        return c with
        {
            LastPatrolDate = last,
            TotalPatrols = c.TotalPatrols + 1,
            RecentPatrolDates = c.RecentPatrolDates.Append(date).Where(d => d >= keepFrom).Order().ToArray()
        };
    }
}
