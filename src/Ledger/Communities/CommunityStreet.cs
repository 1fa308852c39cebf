using Marten;

namespace QunTuan.Ledger.Communities;

/// <summary>The street (街道) and city a community lies in, as it was registered.</summary>
public sealed record CommunityStreet(string City, string Street);

public static class CommunityStreets
{
    /// <summary>
    /// Where each of <paramref name="communityIds"/> lies, read off its registration. A community never moves
    /// (no event changes its street), so this needs no lock and no field on the snapshotted decision state.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, CommunityStreet>> Of(IQuerySession session,
        IEnumerable<Guid> communityIds, CancellationToken ct)
    {
        var ids = communityIds.Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<Guid, CommunityStreet>();
        var registered = await session.Events.QueryRawEventDataOnly<CommunityRegistered>()
            .Where(e => ids.Contains(e.CommunityId)).ToListAsync(ct);
        return registered.DistinctBy(e => e.CommunityId)
            .ToDictionary(e => e.CommunityId, e => new CommunityStreet(e.City, e.Street));
    }
}
