using Marten;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.Patrols;

/// <summary>Patrol rules that concern who a volunteer is: registered, and in the right community.</summary>
public static class PatrolVolunteers
{
    /// <summary>The community of each registered volunteer among <paramref name="ids"/>, read from the account
    /// snapshots; unknown ids are simply absent, so the decider can name them.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Guid>> CommunitiesOf(IDocumentSession session,
        IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0) return new Dictionary<Guid, Guid>();
        var accounts = await session.LoadManyAsync<VolunteerAccount>(ct, wanted);
        return accounts.ToDictionary(a => a.Id, a => a.CommunityId);
    }

    /// <summary>Refuses a volunteer who is not registered, or is registered in another community.</summary>
    public static void EnsureIn(Guid communityId, Guid volunteerId, IReadOnlyDictionary<Guid, Guid> communities,
        string field)
    {
        if (!communities.TryGetValue(volunteerId, out var theirs))
            throw LedgerRuleViolation.NotFound("volunteer", volunteerId, field);
        if (theirs != communityId)
            throw LedgerRuleViolation.Invalid("volunteer_not_in_community",
                $"志愿者 {volunteerId} 不是本社区登记的志愿者 / volunteer {volunteerId} is not registered in this community",
                field);
    }
}
