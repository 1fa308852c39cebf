using Marten;
using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.ElderCare;

public sealed record RegisterElder(
    Guid ElderId,
    Guid CommunityId,
    string DisplayName,
    AgeBand AgeBand,
    string Grid,
    string Actor);

public static class RegisterElderDecider
{
    public static ElderRegistered Decide(RegisterElder command, bool alreadyRegistered, Instant now)
    {
        if (alreadyRegistered)
            throw LedgerRuleViolation.Conflict("elder_exists",
                $"老人 {command.ElderId} 已登记 / elder {command.ElderId} is already registered", "elderId");
        if (!Enum.IsDefined(command.AgeBand))
            throw LedgerRuleViolation.Invalid("invalid_age_band",
                "年龄段须为 70_79、80_89 或 90_plus / ageBand must be 70_79, 80_89 or 90_plus", "ageBand");
        var name = PersonalDataGuard.Text(command.DisplayName, "displayName", 40, required: true)!;
        var grid = PersonalDataGuard.Text(command.Grid, "grid", 40, required: true)!;
        return new ElderRegistered(command.ElderId, command.CommunityId, name, command.AgeBand, grid, now,
            command.Actor);
    }
}

public static class RegisterElderHandler
{
    public static async Task<ElderRegistered> Handle(RegisterElder command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        _ = await session.Events.FetchLatest<Community>(command.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId);
        var existing = await session.Events.FetchStreamStateAsync(command.ElderId, ct);
        var registered = RegisterElderDecider.Decide(command, existing is not null, clock.GetCurrentInstant());
        session.Events.StartStream<Elder>(registered.ElderId, registered);
        return registered;
    }
}
