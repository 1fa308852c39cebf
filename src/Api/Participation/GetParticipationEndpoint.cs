using Marten;
using Wolverine.Http;

namespace QunTuan.Api.Participation;

public static class GetParticipationEndpoint
{
    /// <summary>
    /// A community's participation for <c>period</c> (2026, 2026-Q3, 2026-07), optionally broken down
    /// <c>by</c> category, subcategory, grid or affiliation. <c>fresh=true</c> waits for the projection daemon
    /// to include everything written so far.
    /// </summary>
    [WolverineGet("/api/communities/{communityId}/participation")]
    public static Task<ParticipationReport> Get(string communityId, string? period, string? by, bool? fresh,
        IDocumentStore store, CancellationToken ct) =>
        ParticipationReports.Build(store, communityId, period, by, fresh == true, ct);
}
