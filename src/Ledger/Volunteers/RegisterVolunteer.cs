using Marten;
using NodaTime;
using QunTuan.Ledger.Communities;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Volunteers;

public sealed record RegisterVolunteer(
    Guid VolunteerId,
    Guid CommunityId,
    string DisplayName,
    string Grid,
    IReadOnlyCollection<Affiliation> Affiliations,
    string Actor);

public static class RegisterVolunteerDecider
{
    public static (VolunteerRegistered Registered, VolunteerPersonalData PersonalData) Decide(RegisterVolunteer command,
        bool alreadyRegistered, Instant now)
    {
        if (alreadyRegistered)
            throw LedgerRuleViolation.Conflict("volunteer_exists",
                $"志愿者 {command.VolunteerId} 已登记 / volunteer {command.VolunteerId} is already registered",
                "volunteerId");
        var name = PersonalDataGuard.Text(command.DisplayName, "displayName", 40, required: true)!;
        var grid = PersonalDataGuard.Text(command.Grid, "grid", 40, required: true)!;
        return (
            new VolunteerRegistered(command.VolunteerId, command.CommunityId, grid,
                command.Affiliations.Distinct().Order().ToArray(), now, command.Actor),
            new VolunteerPersonalData(command.VolunteerId, name, now));
    }
}

public static class RegisterVolunteerHandler
{
    public static async Task<VolunteerRegistered> Handle(RegisterVolunteer command, IDocumentSession session,
        IClock clock, CancellationToken ct)
    {
        _ = await session.Events.FetchLatest<Community>(command.CommunityId, ct)
            ?? throw LedgerRuleViolation.NotFound("community", command.CommunityId);
        var existing = await session.Events.FetchStreamStateAsync(command.VolunteerId, ct);
        var (registered, personal) = RegisterVolunteerDecider.Decide(command, existing is not null, clock.GetCurrentInstant());
        session.Events.StartStream<VolunteerAccount>(registered.VolunteerId, registered);
        session.Store(personal);
        return registered;
    }
}
