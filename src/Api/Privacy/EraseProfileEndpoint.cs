using Marten;
using NodaTime;
using QunTuan.Api.Identity;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Privacy;

public sealed record EraseProfileRequest(string Reason);

public static class EraseProfileEndpoint
{
    /// <summary>
    /// Administrators erase a volunteer's personal data on request: the profile document is deleted, the
    /// account is closed, and the ledger keeps balancing with the volunteer shown as a former resident.
    /// </summary>
    [WolverineDelete("/api/volunteers/{volunteerId}/profile")]
    public static async Task<VolunteerErased> Delete(string volunteerId, EraseProfileRequest request,
        HttpContext context, IDocumentSession session, IClock clock, CancellationToken ct)
    {
        var id = Ids.FromRoute(volunteerId, "volunteer");
        var erased = await EraseVolunteerHandler.Handle(new EraseVolunteer(id, request.Reason, Actor.Of(context)),
            session, clock, ct);
        foreach (var account in await session.Query<UserAccount>().Where(u => u.VolunteerId == id).ToListAsync(ct))
            session.Update(account with { Disabled = true, PasswordHash = null, ActivationCodeHash = null });
        var user = CurrentUser.From(context.User);
        SecurityLog.Record(session, erased.ErasedAt, SecurityLog.ProfileErased, user?.Username, user?.Id,
            id.ToString(), "personal data erased on request");
        return erased;
    }
}
