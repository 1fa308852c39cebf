using Marten;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.ElderCare;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.ElderCare;

public sealed record VolunteerName(Guid VolunteerId, string DisplayName, string Grid);

/// <summary>The elder, their helpers and pairing history, with the name of every volunteer the history names.</summary>
public sealed record ElderDetails(ElderView Elder, IReadOnlyList<VolunteerName> Volunteers);

public static class GetElderEndpoint
{
    [WolverineGet("/api/elders/{elderId}")]
    public static async Task<ElderDetails> Get(string elderId, IQuerySession session, CancellationToken ct)
    {
        var elder = await Load(session, elderId, ct);
        var ids = elder.PairingHistory.Select(p => p.VolunteerId).Distinct().ToArray();
        var volunteers = await session.LoadManyAsync<VolunteerProfile>(ct, ids);
        var names = await QunTuan.Api.Volunteers.VolunteerNames.Load(session, volunteers.Select(v => v.Id), ct);
        return new ElderDetails(elder,
            volunteers.Select(v => new VolunteerName(v.Id, names[v.Id], v.Grid)).OrderBy(v => v.Grid)
                .ThenBy(v => v.DisplayName).ToList());
    }

    /// <summary>Loads an elder by id, or answers 404.</summary>
    public static async Task<ElderView> Load(IQuerySession session, string elderId, CancellationToken ct) =>
        await session.LoadAsync<ElderView>(Ids.FromRoute(elderId, "elder"), ct)
        ?? throw LedgerRuleViolation.NotFound("elder", elderId);
}
