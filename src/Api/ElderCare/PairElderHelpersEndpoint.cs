using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.ElderCare;
using Wolverine.Http;

namespace QunTuan.Api.ElderCare;

/// <param name="Helpers">The whole desired set: at most one volunteer per role, one role per volunteer. Places
/// left out are unpaired; an empty list unpairs everyone.</param>
public sealed record PairElderHelpersRequest(IReadOnlyList<HelperAssignment> Helpers);

public static class PairElderHelpersEndpoint
{
    /// <summary>Sets who is paired with the elder. Only differences become events; the same set again changes nothing.</summary>
    [WolverinePut("/api/elders/{elderId}/helpers")]
    public static async Task<HelpersPaired> Put(string elderId, PairElderHelpersRequest request, HttpContext context,
        IDocumentSession session, IClock clock, CancellationToken ct) =>
        await PairElderHelpersHandler.Handle(
            new PairElderHelpers(Ids.FromRoute(elderId, "elder"), request.Helpers, Actor.Of(context)), session, clock, ct);
}
