namespace QunTuan.Ledger.RiverGuarding;

/// <summary>Decision state of one finding: where it is and whether it was resolved.</summary>
public sealed record RiverFinding(Guid Id, Guid TeamId, Guid SegmentId, bool Resolved)
{
    public static RiverFinding Create(RiverFindingReported e) => new(e.FindingId, e.TeamId, e.SegmentId, false);

    public RiverFinding Apply(RiverFindingResolved _) => this with { Resolved = true };
}
