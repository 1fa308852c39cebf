using Marten;
using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Beneficiaries;

public sealed record RegisterHousehold(
    Guid HouseholdId,
    Guid CommunityId,
    string Label,
    string Grid,
    HouseholdCircumstance Circumstance,
    string Actor);

public static class RegisterHouseholdDecider
{
    public static HouseholdRegistered Decide(RegisterHousehold command, bool alreadyRegistered, Instant now)
    {
        if (alreadyRegistered)
            throw LedgerRuleViolation.Conflict("household_exists",
                $"家庭 {command.HouseholdId} 已登记 / household {command.HouseholdId} is already registered",
                "householdId");
        if (!Enum.IsDefined(command.Circumstance))
            throw LedgerRuleViolation.Invalid("invalid_circumstance",
                "circumstance 须为 low_income、disability 或 other / circumstance must be low_income, disability or other",
                "circumstance");
        var label = PersonalDataGuard.Text(command.Label, "label", 40, required: true)!;
        var grid = PersonalDataGuard.Text(command.Grid, "grid", 40, required: true)!;
        return new HouseholdRegistered(command.HouseholdId, command.CommunityId, label, grid, command.Circumstance, now,
            command.Actor);
    }
}

public static class RegisterHouseholdHandler
{
    public static async Task<HouseholdRegistered> Handle(RegisterHousehold command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        _ = await session.Events.FetchLatest<Community>(command.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId);
        var existing = await session.Events.FetchStreamStateAsync(command.HouseholdId, ct);
        var registered = RegisterHouseholdDecider.Decide(command, existing is not null, clock.GetCurrentInstant());
        session.Events.StartStream<Household>(registered.HouseholdId, registered);
        return registered;
    }
}
