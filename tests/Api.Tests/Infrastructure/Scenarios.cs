using System.Net;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// A second community, 梅花社区 (code <c>meihua</c>), set up by an administrator, with one volunteer of its own:
    /// the "other community" of scope and cross-community tests. Returns that volunteer's id.
    /// </summary>
    /// <remarks>Meihua lies in Lanhua's street (兰江街道, 兰溪市), so its volunteers may join Lanhua's street teams.</remarks>
    protected Task<Guid> ForeignCommunityWithVolunteer(string name = "陈静") =>
        CommunityWithVolunteer("meihua", "梅花社区", "Meihua Community", "兰江街道", name);

    /// <summary>
    /// 竹园社区 (code <c>zhuyuan</c>), in the same city as Lanhua but another street (云山街道), with one volunteer of
    /// its own. Returns that volunteer's id.
    /// </summary>
    protected Task<Guid> OtherStreetCommunityWithVolunteer(string name = "周竹") =>
        CommunityWithVolunteer("zhuyuan", "竹园社区", "Zhuyuan Community", "云山街道", name);

    /// <summary>A community of 兰溪市 registered by an administrator unless it exists, and one new volunteer of it.</summary>
    private async Task<Guid> CommunityWithVolunteer(string code, string nameZh, string nameEn, string street, string name)
    {
        var admin = TestUsers.Admin();
        await using (var session = Store.QuerySession())
            if (await session.LoadAsync<QunTuan.Projections.Communities.CommunityView>(
                    QunTuan.Ledger.Shared.DeterministicId.ForCommunity(code)) is null)
                (await Post("/api/communities", new QunTuan.Api.Communities.RegisterCommunityRequest(code, nameZh,
                    nameEn, "兰溪市", street, 5000), user: admin)).ShouldBe(HttpStatusCode.Created);
        var registered = await Post($"/api/communities/{code}/volunteers",
            new QunTuan.Api.Volunteers.RegisterVolunteerRequest(name, "第1网格"), user: admin);
        registered.ShouldBe(HttpStatusCode.Created);
        return (await Read<QunTuan.Api.Volunteers.VolunteerEnrolled>(registered)).Volunteer.VolunteerId;
    }

    protected static readonly Guid Meihua = QunTuan.Ledger.Shared.DeterministicId.ForCommunity("meihua");
    protected static readonly Guid Zhuyuan = QunTuan.Ledger.Shared.DeterministicId.ForCommunity("zhuyuan");

    protected Task<VolunteerBalance> Balance(Guid volunteerId) =>
        Get<VolunteerBalance>($"/api/volunteers/{volunteerId}/balance");

    /// <summary>Starts a replay of every projection as an administrator, waits for it to finish and returns its
    /// report.</summary>
    protected async Task<QunTuan.Api.Audit.ReplayReport> Replay()
    {
        var started = await Post("/api/audit/replays", user: TestUsers.Admin());
        started.ShouldBe(HttpStatusCode.Accepted);
        await App.Services.GetRequiredService<QunTuan.Api.Audit.ReplayRunner>().WhenIdle();
        return await GetAs<QunTuan.Api.Audit.ReplayReport>(TestUsers.Admin(), started.Headers.Location!.ToString());
    }
}
