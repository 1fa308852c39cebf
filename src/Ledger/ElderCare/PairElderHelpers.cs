using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Ledger.ElderCare;

public sealed record HelperAssignment(HelperRole Role, Guid VolunteerId);

/// <summary>Sets the elder's helpers to exactly <see cref="Helpers"/> (at most one per role; empty unpairs all).</summary>
public sealed record PairElderHelpers(Guid ElderId, IReadOnlyList<HelperAssignment> Helpers, string Actor);

/// <summary>What a pairing change did: the helpers now, and the events for what differed (none if nothing did).</summary>
public sealed record HelpersPaired(
    Guid ElderId,
    IReadOnlyList<HelperAssignment> Helpers,
    IReadOnlyList<ElderHelperUnpaired> Unpaired,
    IReadOnlyList<ElderHelperPaired> Paired);

public static class PairElderHelpersDecider
{
    /// <param name="volunteers">The accounts of the volunteers named in the command that exist.</param>
    public static HelpersPaired Decide(PairElderHelpers command, Elder elder,
        IReadOnlyDictionary<Guid, VolunteerAccount> volunteers, Instant now)
    {
        var desired = new Dictionary<HelperRole, Guid>();
        var holders = new HashSet<Guid>();
        for (var i = 0; i < command.Helpers.Count; i++)
        {
            var (role, volunteerId) = command.Helpers[i];
            if (!Enum.IsDefined(role))
                throw LedgerRuleViolation.Invalid("invalid_role",
                    "角色须为 grid_leader、grid_member 或 party_member / role must be grid_leader, grid_member or party_member",
                    $"helpers[{i}].role");
            if (desired.ContainsKey(role))
                throw LedgerRuleViolation.Invalid("role_taken_twice",
                    $"每个角色只能有一位帮扶人，{role} 出现了两次 / each role has one helper: {role} is named twice",
                    $"helpers[{i}].role");
            if (!holders.Add(volunteerId))
                throw LedgerRuleViolation.Invalid("volunteer_holds_two_roles",
                    $"志愿者 {volunteerId} 对同一位老人只能担任一个角色 / volunteer {volunteerId} can hold only one role for an elder",
                    $"helpers[{i}].volunteerId");
            var volunteer = volunteers.GetValueOrDefault(volunteerId)
                ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId, $"helpers[{i}].volunteerId");
            if (volunteer.CommunityId != elder.CommunityId)
                throw LedgerRuleViolation.Invalid("volunteer_not_in_community",
                    $"志愿者 {volunteerId} 不属于老人所在社区 / volunteer {volunteerId} is not a volunteer of the elder's community",
                    $"helpers[{i}].volunteerId");
            desired[role] = volunteerId;
        }

        var current = elder.CurrentHelpers;
        // Leavers first, so at no point does one volunteer hold two places (a role swap is unpair, then pair).
        var unpaired = current
            .Where(c => !desired.TryGetValue(c.Key, out var wanted) || wanted != c.Value)
            .OrderBy(c => c.Key)
            .Select(c => new ElderHelperUnpaired(elder.Id, c.Value, c.Key, now, command.Actor))
            .ToList();
        var paired = desired
            .Where(d => !current.TryGetValue(d.Key, out var holder) || holder != d.Value)
            .OrderBy(d => d.Key)
            .Select(d => new ElderHelperPaired(elder.Id, d.Value, d.Key, now, command.Actor))
            .ToList();
        var helpers = desired.OrderBy(d => d.Key).Select(d => new HelperAssignment(d.Key, d.Value)).ToList();
        return new HelpersPaired(elder.Id, helpers, unpaired, paired);
    }
}

public static class PairElderHelpersHandler
{
    public static async Task<HelpersPaired> Handle(PairElderHelpers command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        // Exclusive: two clerks re-pairing the same elder at once must not both diff against the same old set.
        var stream = await session.Events.FetchForExclusiveWriting<Elder>(command.ElderId, ct);
        var elder = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("elder", command.ElderId);

        var volunteers = new Dictionary<Guid, VolunteerAccount>();
        foreach (var id in command.Helpers.Select(h => h.VolunteerId).Distinct())
            if (await session.Events.FetchLatest<VolunteerAccount>(id, ct) is { } account)
                volunteers[id] = account;

        var outcome = PairElderHelpersDecider.Decide(command, elder, volunteers, clock.GetCurrentInstant());
        if (outcome.Unpaired.Count + outcome.Paired.Count > 0)
            stream.AppendMany([..outcome.Unpaired.Cast<object>(), ..outcome.Paired]);
        return outcome;
    }
}
