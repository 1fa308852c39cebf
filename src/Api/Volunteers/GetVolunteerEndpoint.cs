using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Volunteers;

public static class GetVolunteerEndpoint
{
    [WolverineGet("/api/volunteers/{volunteerId}")]
    public static async Task<VolunteerView> Get(string volunteerId, IQuerySession session, CancellationToken ct)
    {
        var profile = await session.LoadAsync<VolunteerProfile>(Ids.FromRoute(volunteerId, "volunteer"), ct)
                      ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId);
        return (await VolunteerNames.Views(session, [profile], ct))[0];
    }
}
