using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.RiverGuarding;
using Wolverine.Http;

namespace QunTuan.Api.RiverGuarding;

/// <param name="Note">What was done about it (cleared, reported to the river chief, ...).</param>
public sealed record ResolveRiverFindingRequest(string Note);

public static class ResolveRiverFindingEndpoint
{
    /// <summary>Closes a finding, by whoever the X-Actor header names, now. A second resolution is a 409.</summary>
    [WolverinePost("/api/river-findings/{findingId}/resolve")]
    public static async Task<RiverFindingResolved> Post(string findingId, ResolveRiverFindingRequest request,
        HttpContext context, IDocumentSession session, IClock clock, CancellationToken ct) =>
        await ResolveRiverFindingHandler.Handle(
            new ResolveRiverFinding(Ids.FromRoute(findingId, "river_finding"), request.Note, Actor.Of(context)),
            session, clock, ct);
}
