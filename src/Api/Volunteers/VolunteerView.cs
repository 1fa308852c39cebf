using Marten;
using NodaTime;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Volunteers;

/// <summary>A volunteer as the API shows them: the registration plus their name, or a former-resident label
/// once their personal data has been erased.</summary>
public sealed record VolunteerView(
    Guid Id,
    Guid CommunityId,
    string DisplayName,
    string Grid,
    Affiliation[] Affiliations,
    Instant RegisteredAt,
    bool Erased);

public static class VolunteerNames
{
    public const string FormerResident = "已注销居民 / former resident";

    /// <summary>Names of the given volunteers in one round trip; erased ones map to the former-resident label.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> Load(IQuerySession session, IEnumerable<Guid> ids,
        CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var found = (await session.LoadManyAsync<VolunteerPersonalData>(ct, wanted)).ToDictionary(p => p.Id, p => p.DisplayName);
        return wanted.ToDictionary(id => id, id => found.GetValueOrDefault(id, FormerResident));
    }

    public static async Task<IReadOnlyList<VolunteerView>> Views(IQuerySession session,
        IReadOnlyList<VolunteerProfile> profiles, CancellationToken ct)
    {
        var names = await Load(session, profiles.Select(p => p.Id), ct);
        return profiles.Select(p => View(p, names[p.Id])).ToList();
    }

    public static VolunteerView View(VolunteerProfile p, string name) =>
        new(p.Id, p.CommunityId, p.ErasedAt is null ? name : FormerResident, p.Grid, p.Affiliations, p.RegisteredAt,
            p.ErasedAt is not null);
}
