using System.Net;
using NodaTime;
using QunTuan.Api.ServiceRecords;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Tests.Infrastructure;

/// <summary>Arrange steps through the public API, so tests set up state the way users create it.</summary>
public abstract class Scenarios(AppFixture fixture) : IntegrationContext(fixture)
{
    protected static readonly LocalDate Today = new(2026, 11, 23);

    protected async Task<Guid> SubmitRecord(Guid volunteerId, string activityCode, LocalDate serviceDate,
        int? durationMinutes = null, int occasions = 1, bool verifyNow = false)
    {
        var response = await Post("/api/service-records", new SubmitServiceRecordRequest(volunteerId, activityCode,
            serviceDate, durationMinutes, occasions, VerifyNow: verifyNow));
        response.ShouldBe(HttpStatusCode.Created);
        return (await Read<ServiceRecordAccepted>(response)).RecordId;
    }

    protected async Task<VerificationResult> Verify(Guid recordId, string? actor = null)
    {
        var response = await Post($"/api/service-records/{recordId}/verify", actor: actor);
        response.ShouldBe(HttpStatusCode.OK);
        return await Read<VerificationResult>(response);
    }

    protected async Task<VerificationResult> Credit(Guid volunteerId, string activityCode, LocalDate serviceDate,
        int? durationMinutes = null, int occasions = 1) =>
        await Verify(await SubmitRecord(volunteerId, activityCode, serviceDate, durationMinutes, occasions));

    protected Task<VolunteerBalance> Balance(Guid volunteerId) =>
        Get<VolunteerBalance>($"/api/volunteers/{volunteerId}/balance");
}
