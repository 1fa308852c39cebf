namespace QunTuan.Ledger.RiverGuarding;

/// <summary>Where a river-guard team takes its members from.</summary>
public enum RiverTeamScope
{
    /// <summary>社区护河队: volunteers of its own community only.</summary>
    Community,
    /// <summary>街道护河队: volunteers of every community in its host community's street (街道) and city. The
    /// host community still owns the team and its office runs it.</summary>
    Street
}
