using Marten;
using NodaTime;
using QunTuan.Ledger.Shared;

namespace QunTuan.Ledger.Volunteers;

/// <summary>
/// Erases a volunteer's personal data on request (PIPL). The events stay and keep balancing: they never held
/// the name, phone or ID number; the volunteer becomes an anonymous former resident.
/// </summary>
public sealed record EraseVolunteer(Guid VolunteerId, string Reason, string Actor);

public static class EraseVolunteerDecider
{
    public static VolunteerErased Decide(EraseVolunteer command, VolunteerAccount account, Instant now)
    {
        if (account.Erased)
            throw LedgerRuleViolation.Conflict("volunteer_already_erased",
                "该志愿者的个人信息已删除 / this volunteer's personal data was already erased");
        var reason = PersonalDataGuard.Text(command.Reason, "reason", 500, required: true)!;
        return new VolunteerErased(account.Id, reason, now, command.Actor);
    }
}

public static class EraseVolunteerHandler
{
    public static async Task<VolunteerErased> Handle(EraseVolunteer command, IDocumentSession session, IClock clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<VolunteerAccount>(command.VolunteerId, ct);
        var account = stream.Aggregate ?? throw LedgerRuleViolation.NotFound("volunteer", command.VolunteerId);
        var erased = EraseVolunteerDecider.Decide(command, account, clock.GetCurrentInstant());
        stream.AppendOne(erased);
        session.Delete<VolunteerPersonalData>(command.VolunteerId);
        return erased;
    }
}
