using System.Net;
using System.Text.Json;
using Marten;
using QunTuan.Api.Identity;
using QunTuan.Api.Privacy;
using QunTuan.Api.ServiceRecords;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Volunteers;
using QunTuan.Projections.Volunteers;

namespace QunTuan.Api.Tests.Privacy;

public sealed class when_a_volunteer_asks_to_be_erased(AppFixture fixture) : Scenarios(fixture)
{
    private static string ProfileUrl => $"/api/volunteers/{Seeded.ZhangXiaomei}/profile";

    private Task<HttpResponseMessage> Erase(UserAccount as_) =>
        Send(HttpMethod.Delete, ProfileUrl, """{"reason":"本人申请注销 / at the volunteer's request"}""", user: as_);

    [Fact]
    public async Task the_profile_goes_and_the_ledger_still_balances()
    {
        await Send(HttpMethod.Put, ProfileUrl, """{"phone":"13812345678"}""");
        await Credit(Seeded.ZhangXiaomei, "CB01", Today, durationMinutes: 120);
        await Credit(Seeded.ZhangXiaomei, "CB02", Today);
        var before = await Balance(Seeded.ZhangXiaomei);
        var statementBefore = await Get<Statement>($"/api/volunteers/{Seeded.ZhangXiaomei}/statement");

        (await Erase(TestUsers.Admin())).ShouldBe(HttpStatusCode.OK);

        await using var session = Store.QuerySession();
        (await session.LoadAsync<VolunteerPersonalData>(Seeded.ZhangXiaomei)).ShouldBeNull();
        var profile = await Get<PersonalProfile>(ProfileUrl);
        profile.Erased.ShouldBeTrue();
        profile.Phone.ShouldBeNull();
        (await Get<VolunteerView>($"/api/volunteers/{Seeded.ZhangXiaomei}")).DisplayName.ShouldBe(VolunteerNames.FormerResident);

        var after = await Balance(Seeded.ZhangXiaomei);
        after.Available.ShouldBe(before.Available);
        after.LifetimeEarned.ShouldBe(40);
        var statementAfter = await Get<Statement>($"/api/volunteers/{Seeded.ZhangXiaomei}/statement");
        statementAfter.Movements.Items.Select(m => (m.Points, m.BalanceAfter))
            .ShouldBe(statementBefore.Movements.Items.Select(m => (m.Points, m.BalanceAfter)));

        // Replay still gives the same documents: nothing personal was ever in the events.
        var folded = await session.Events.AggregateStreamAsync<VolunteerBalance>(Seeded.ZhangXiaomei);
        JsonSerializer.Serialize(folded, Json).ShouldBe(JsonSerializer.Serialize(after, Json));
        var names = (await Get<QunTuan.Api.Infrastructure.ResultPage<VolunteerView>>(
            "/api/communities/lanhua/volunteers?pageSize=100")).Items.Where(v => v.Erased).ToList();
        names.ShouldHaveSingleItem().Id.ShouldBe(Seeded.ZhangXiaomei);

        // And every projection rebuilt from the whole history equals the live documents.
        var replay = await Replay();
        replay.Status.ShouldBe(QunTuan.Api.Audit.ReplayStatus.Completed, replay.Error);
        replay.DifferenceCount.ShouldBe(0);
    }

    [Fact]
    public async Task only_an_administrator_may_erase_and_only_once()
    {
        await (await Erase(TestUsers.Office())).ShouldBeProblem(403, "forbidden");
        await (await Erase(TestUsers.Volunteer(Seeded.ZhangXiaomei))).ShouldBeProblem(403, "forbidden");

        (await Erase(TestUsers.Admin())).ShouldBe(HttpStatusCode.OK);
        await (await Erase(TestUsers.Admin())).ShouldBeProblem(409, "volunteer_already_erased");
    }

    [Fact]
    public async Task a_former_resident_records_no_new_service()
    {
        (await Erase(TestUsers.Admin())).ShouldBe(HttpStatusCode.OK);

        await (await Post("/api/service-records",
                new SubmitServiceRecordRequest(Seeded.ZhangXiaomei, "CB02", Today)))
            .ShouldBeProblem(409, "volunteer_erased", "volunteerId");
    }

    [Fact]
    public async Task the_erasure_is_logged_with_its_reason_and_who_did_it()
    {
        (await Erase(TestUsers.Admin())).ShouldBe(HttpStatusCode.OK);

        await using var session = Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(Seeded.ZhangXiaomei);
        var erased = stream.Last().Data.ShouldBeOfType<VolunteerErased>();
        erased.ErasedBy.ShouldBe("admin-zhou");
        erased.Reason.ShouldContain("本人申请注销");
        (await session.Query<SecurityEvent>().CountAsync(e => e.Action == SecurityLog.ProfileErased)).ShouldBe(1);
    }
}
