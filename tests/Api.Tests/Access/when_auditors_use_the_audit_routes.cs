using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QunTuan.Api.Audit;
using QunTuan.Api.Certificates;
using QunTuan.Api.Identity;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Access;

/// <summary>
/// Audit is for auditors and admins. Operations over the whole store (chain verification and heads, replays,
/// invariants) need an auditor of every community; an auditor of one community audits that community's trails and
/// certificates. Volunteers do not certify themselves. Anyone may check a certificate.
/// </summary>
public sealed class when_auditors_use_the_audit_routes(AppFixture fixture) : Scenarios(fixture)
{
    private static readonly string[] StoreWide =
        ["/api/audit/chain/verify", "/api/audit/chain/heads", "/api/audit/invariants?sample=5"];

    private async Task<HttpStatusCode> Status(UserAccount? user, HttpMethod method, string url, object? body = null)
    {
        using var client = user is null ? App.CreateClient() : App.ClientFor(user);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body, options: Json);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task each_kind_of_user_reaches_exactly_its_share()
    {
        var mei = await ForeignCommunityWithVolunteer();
        var everyCommunity = TestUsers.Auditor("auditor-all");
        var lanhuaOnly = TestUsers.Auditor("auditor-qian", Seeded.Lanhua);
        var period = new { from = "2026-11-01", to = "2026-11-23" };

        foreach (var url in StoreWide)
        {
            (await Status(everyCommunity, HttpMethod.Get, url)).ShouldBe(HttpStatusCode.OK, url);
            (await Status(lanhuaOnly, HttpMethod.Get, url)).ShouldBe(HttpStatusCode.Forbidden, url);
            (await Status(TestUsers.Office(), HttpMethod.Get, url)).ShouldBe(HttpStatusCode.Forbidden, url);
            (await Status(null, HttpMethod.Get, url)).ShouldBe(HttpStatusCode.Unauthorized, url);
        }
        (await Status(lanhuaOnly, HttpMethod.Post, "/api/audit/replays")).ShouldBe(HttpStatusCode.Forbidden);
        (await Status(everyCommunity, HttpMethod.Post, "/api/audit/replays")).ShouldBe(HttpStatusCode.Accepted);
        await App.Services.GetRequiredService<ReplayRunner>().WhenIdle();

        (await Status(everyCommunity, HttpMethod.Get, "/api/audit/communities/meihua/events")).ShouldBe(HttpStatusCode.OK);
        (await Status(lanhuaOnly, HttpMethod.Get, "/api/audit/communities/lanhua/events")).ShouldBe(HttpStatusCode.OK);
        (await Status(lanhuaOnly, HttpMethod.Get, "/api/audit/communities/meihua/events")).ShouldBe(HttpStatusCode.NotFound);
        (await Status(lanhuaOnly, HttpMethod.Get, $"/api/audit/streams/{mei}/events")).ShouldBe(HttpStatusCode.NotFound);
        (await Status(TestUsers.Office(), HttpMethod.Get, $"/api/audit/streams/{Seeded.ZhangXiaomei}/events"))
            .ShouldBe(HttpStatusCode.Forbidden);

        var zhang = TestUsers.Volunteer(Seeded.ZhangXiaomei);
        (await Status(zhang, HttpMethod.Post, $"/api/volunteers/{Seeded.ZhangXiaomei}/certificates", period))
            .ShouldBe(HttpStatusCode.Forbidden);
        (await Status(TestUsers.Office(), HttpMethod.Post, $"/api/volunteers/{Seeded.ZhangXiaomei}/certificates", period))
            .ShouldBe(HttpStatusCode.Forbidden);
        var issued = await Post($"/api/volunteers/{Seeded.ZhangXiaomei}/certificates", period, user: lanhuaOnly);
        issued.ShouldBe(HttpStatusCode.Created);
        var certificate = (await Read<CertificateView>(issued)).CertificateId;
        (await Status(zhang, HttpMethod.Get, $"/api/certificates/{certificate}")).ShouldBe(HttpStatusCode.Forbidden);
        (await Status(null, HttpMethod.Get, $"/api/certificates/{certificate}")).ShouldBe(HttpStatusCode.Unauthorized);
        (await Status(null, HttpMethod.Get, $"/api/certificates/{certificate}/verify")).ShouldBe(HttpStatusCode.OK);
        (await Status(TestUsers.Auditor("auditor-mei", Meihua), HttpMethod.Get, $"/api/certificates/{certificate}/print"))
            .ShouldBe(HttpStatusCode.NotFound);

        // The live balance and statement are the volunteer's and the office's; as of a moment or a version they are
        // folded from the events for auditors.
        foreach (var url in new[] { "balance", "statement" }.Select(r => $"/api/volunteers/{Seeded.ZhangXiaomei}/{r}"))
        {
            (await Status(zhang, HttpMethod.Get, url)).ShouldBe(HttpStatusCode.OK, url);
            (await Status(TestUsers.Office(), HttpMethod.Get, url)).ShouldBe(HttpStatusCode.OK, url);
            foreach (var query in new[] { "?asOf=2026-11-23", "?version=1" })
            {
                (await Status(zhang, HttpMethod.Get, url + query)).ShouldBe(HttpStatusCode.Forbidden, url + query);
                (await Status(TestUsers.Office(), HttpMethod.Get, url + query)).ShouldBe(HttpStatusCode.Forbidden, url + query);
                (await Status(lanhuaOnly, HttpMethod.Get, url + query)).ShouldBe(HttpStatusCode.OK, url + query);
            }
        }
    }
}
