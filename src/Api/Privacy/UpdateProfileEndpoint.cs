using Marten;
using NodaTime;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Shared;
using QunTuan.Ledger.Volunteers;
using Wolverine.Http;

namespace QunTuan.Api.Privacy;

/// <param name="Phone">Mainland mobile number; an empty string removes it; absent leaves it as it is.</param>
/// <param name="IdCardNumber">18-character resident ID; an empty string removes it; absent leaves it.</param>
public sealed record UpdateProfileRequest(string? DisplayName = null, string? Phone = null, string? IdCardNumber = null);

public static class UpdateProfileEndpoint
{
    /// <summary>The volunteer or their community office sets the name, phone and ID number (sealed at rest).</summary>
    [WolverinePut("/api/volunteers/{volunteerId}/profile")]
    public static async Task<PersonalProfile> Put(string volunteerId, UpdateProfileRequest request,
        IDocumentSession session, PersonalDataProtector protector, IClock clock, CancellationToken ct)
    {
        var id = Ids.FromRoute(volunteerId, "volunteer");
        var data = await session.LoadAsync<VolunteerPersonalData>(id, ct)
                   ?? throw LedgerRuleViolation.NotFound("volunteer", volunteerId);

        var name = request.DisplayName is null
            ? data.DisplayName
            : PersonalDataGuard.Text(request.DisplayName, "displayName", 40, required: true)!;
        var phone = request.Phone switch
        {
            null => data.PhoneCipher,
            "" => null,
            var p => protector.Seal(id, "phone", ContactNumbers.NormalizePhone(p))
        };
        var idCard = request.IdCardNumber switch
        {
            null => data.IdCardCipher,
            "" => null,
            var c => protector.Seal(id, "idCardNumber", ContactNumbers.NormalizeIdCard(c))
        };
        var updated = data with
        {
            DisplayName = name, PhoneCipher = phone, IdCardCipher = idCard, UpdatedAt = clock.GetCurrentInstant()
        };
        session.Store(updated);

        var plainPhone = phone is null ? null : protector.Open(id, "phone", phone);
        var plainId = idCard is null ? null : protector.Open(id, "idCardNumber", idCard);
        return new PersonalProfile(id, name, plainPhone is null ? null : ContactNumbers.MaskPhone(plainPhone),
            plainId is null ? null : ContactNumbers.MaskIdCard(plainId), true, false);
    }
}
