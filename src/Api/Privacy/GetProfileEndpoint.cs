using Marten;
using NodaTime;
using QunTuan.Api.Identity;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Privacy;

public static class GetProfileEndpoint
{
    /// <summary>
    /// Masked by default. <c>?reveal=true</c> shows the numbers to the volunteer themself, or to office staff
    /// holding the personal-data permission; every such read by staff is logged.
    /// </summary>
    [WolverineGet("/api/volunteers/{volunteerId}/profile")]
    public static async Task<PersonalProfile> Get(string volunteerId, bool? reveal, HttpContext context,
        IDocumentStore store, PersonalDataProtector protector, IClock clock, CancellationToken ct)
    {
        var id = Ids.FromRoute(volunteerId, "volunteer");
        await using var session = store.QuerySession();
        var profile = await session.LoadAsync<VolunteerProfile>(id, ct)
                      ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId);
        var data = await session.LoadAsync<VolunteerPersonalData>(id, ct);
        if (profile.ErasedAt is not null || data is null)
            return new PersonalProfile(id, VolunteerNames.FormerResident, null, null, true, true);

        var user = CurrentUser.From(context.User)!;
        var show = reveal == true;
        if (show && user.VolunteerId != id)
        {
            if (!(user.CanReadPersonalData && (user.Covers(Role.Office, profile.CommunityId) || user.Is(Role.Admin))))
                throw new PersonalDataRefused();
            await SecurityLog.Write(store, clock.GetCurrentInstant(), SecurityLog.PersonalDataRead, user.Username,
                user.Id, id.ToString(), "phone,idCardNumber", ct);
        }

        var phone = data.PhoneCipher is { } p ? protector.Open(id, "phone", p) : null;
        var idCard = data.IdCardCipher is { } c ? protector.Open(id, "idCardNumber", c) : null;
        return show
            ? new PersonalProfile(id, data.DisplayName, phone, idCard, false, false)
            : new PersonalProfile(id, data.DisplayName, phone is null ? null : ContactNumbers.MaskPhone(phone),
                idCard is null ? null : ContactNumbers.MaskIdCard(idCard), true, false);
    }
}

/// <summary>Seeing unmasked numbers needs an explicit permission.</summary>
public sealed class PersonalDataRefused() : Exception("personal data permission required");
