using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QunTuan.Api.Access;
using QunTuan.Api.Identity;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.Access;

/// <summary>
/// The authorization matrix: every route of the API x every role x a resource of the user's own (their account,
/// their community) and a foreign one (another community's). The expectations below are the policy written
/// out by hand; the access rules are its implementation. A route the app serves without a row here fails.
/// </summary>
public sealed class when_every_role_calls_every_route(AppFixture fixture) : Scenarios(fixture)
{
    public enum Side { Own, Foreign }

    private const string V = "volunteer", G = "organizer", O = "office", A = "auditor", D = "admin";

    /// <summary>Who gets through, on their own resources and on another community's. Admins pass everything.</summary>
    private static readonly Dictionary<string, (string[] Own, string[] Foreign)> Policy = new()
    {
        ["POST /api/activities"] = ([D], [D]),
        ["POST /api/activities/{code}/rules"] = ([D], [D]),
        ["POST /api/communities"] = ([D], [D]),
        ["GET /api/communities"] = ([V, G, O, A, D], [V, G, O, A, D]),
        ["GET /api/communities/{communityId}"] = ([V, G, O, A, D], [D]),
        ["POST /api/communities/{communityId}/volunteers"] = ([O, D], [D]),
        ["GET /api/communities/{communityId}/volunteers"] = ([G, O, A, D], [D]),
        ["GET /api/volunteers/{volunteerId}"] = ([V, G, O, A, D], [D]),
        ["GET /api/volunteers/{volunteerId}/balance"] = ([V, G, O, A, D], [D]),
        ["GET /api/volunteers/{volunteerId}/statement"] = ([V, G, O, A, D], [D]),
        ["POST /api/volunteers/{volunteerId}/adjustments"] = ([O, D], [D]),
        ["GET /api/volunteers/{volunteerId}/profile"] = ([V, G, O, A, D], [D]),
        ["PUT /api/volunteers/{volunteerId}/profile"] = ([V, G, O, D], [D]),
        ["DELETE /api/volunteers/{volunteerId}/profile"] = ([D], [D]),
        ["POST /api/users"] = ([D], [D]),
        ["GET /api/users"] = ([D], [D]),
        ["POST /api/service-records"] = ([V, G, O, D], [D]),
        ["GET /api/service-records/{recordId}"] = ([V, G, O, A, D], [D]),
        ["POST /api/service-records/{recordId}/verify"] = ([O, D], [D]),
        ["POST /api/service-records/{recordId}/reject"] = ([O, D], [D]),
        ["POST /api/service-records/{recordId}/reversal"] = ([O, D], [D]),
        ["GET /api/communities/{communityId}/service-records"] = ([O, A, D], [D]),
        ["POST /api/patrol-teams"] = ([O, D], [D]),
        ["GET /api/patrol-teams/{teamId}"] = ([V, G, O, A, D], [D]),
        ["POST /api/patrol-teams/{teamId}/members"] = ([G, O, D], [D]),
        ["POST /api/patrol-shifts"] = ([G, O, D], [D]),
        ["GET /api/patrol-shifts/{shiftId}"] = ([V, G, O, A, D], [D]),
        ["GET /api/communities/{communityId}/patrol-shifts"] = ([V, G, O, A, D], [D]),
        ["POST /api/patrol-shifts/{shiftId}/check-ins"] = ([V, G, O, D], [D]),
        ["POST /api/patrol-shifts/{shiftId}/check-outs"] = ([V, G, O, D], [D]),
        ["POST /api/patrol-shifts/{shiftId}/incidents"] = ([G, O, D], [D]),
        ["POST /api/patrol-shifts/{shiftId}/close"] = ([G, O, D], [D]),
        ["POST /api/river-teams"] = ([O, D], [D]),
        ["GET /api/river-teams/{teamId}"] = ([V, G, O, A, D], [D]),
        ["POST /api/river-teams/{teamId}/members"] = ([O, D], [D]),
        ["POST /api/river-teams/{teamId}/segments"] = ([O, D], [D]),
        ["GET /api/river-teams/{teamId}/segments"] = ([V, G, O, A, D], [D]),
        // The organizer's volunteer (李建国) is on the river team; the volunteer (张晓梅) is not.
        ["POST /api/river-teams/{teamId}/patrols"] = ([G, O, D], [D]),
        ["GET /api/river-patrols/{patrolId}"] = ([V, G, O, A, D], [D]),
        ["GET /api/river-findings/{findingId}"] = ([V, G, O, A, D], [D]),
        ["POST /api/river-findings/{findingId}/resolve"] = ([G, O, D], [D]),
        ["POST /api/communities/{communityId}/elders"] = ([O, D], [D]),
        ["GET /api/communities/{communityId}/elders"] = ([O, A, D], [D]),
        ["GET /api/communities/{communityId}/elders/overdue"] = ([O, A, D], [D]),
        ["GET /api/communities/{communityId}/elder-alerts"] = ([O, A, D], [D]),
        // Both users' volunteers are paired with elder 1 (张晓梅 as grid member, 李建国 as Party member).
        ["GET /api/elders/{elderId}"] = ([V, G, O, A, D], [D]),
        ["GET /api/elders/{elderId}/coverage"] = ([V, G, O, A, D], [D]),
        ["PUT /api/elders/{elderId}/helpers"] = ([O, D], [D]),
        ["POST /api/elders/{elderId}/visits"] = ([V, G, O, D], [D]),
        ["POST /api/elder-alerts/{alertId}/acknowledge"] = ([O, D], [D]),
        ["GET /api/communities/{communityId}/participation"] = ([V, G, O, A, D], [D]),
        ["GET /api/rankings/volunteers"] = ([V, G, O, A, D], [D]),
        ["GET /api/rankings/communities"] = ([V, G, O, A, D], [V, G, O, A, D]),
        ["GET /api/communities/{communityId}/participation.csv"] = ([V, G, O, A, D], [D]),
        ["GET /api/communities/{communityId}/participation.png"] = ([V, G, O, A, D], [D]),
        ["GET /api/rankings/volunteers.csv"] = ([V, G, O, A, D], [D]),
        ["GET /api/rankings/communities.csv"] = ([V, G, O, A, D], [V, G, O, A, D]),
        ["GET /api/communities/{communityId}/ratings.csv"] = ([V, G, O, A, D], [D]),
        ["POST /api/ratings"] = ([V, G, O, D], [D]),
        ["GET /api/communities/{communityId}/ratings"] = ([V, G, O, A, D], [D]),
        // Audit: the auditor here audits Lanhua only; whole-store operations need an auditor of every community
        // (when_auditors_use_the_audit_routes covers one).
        ["GET /api/audit/streams/{streamId}/events"] = ([A, D], [D]),
        ["GET /api/audit/communities/{communityId}/events"] = ([A, D], [D]),
        ["GET /api/audit/chain/verify"] = ([D], [D]),
        ["GET /api/audit/chain/heads"] = ([D], [D]),
        ["POST /api/audit/replays"] = ([D], [D]),
        ["GET /api/audit/replays/{replayId}"] = ([D], [D]),
        ["GET /api/audit/invariants"] = ([D], [D]),
        ["POST /api/volunteers/{volunteerId}/certificates"] = ([A, D], [D]),
        ["GET /api/certificates/{certificateId}"] = ([A, D], [D]),
        ["GET /api/certificates/{certificateId}/print"] = ([A, D], [D]),
        ["GET /api/communities/{communityId}/catalog"] = ([V, G, O, A, D], [D]),
        ["POST /api/communities/{communityId}/catalog"] = ([O, D], [D]),
        ["GET /api/catalog-items/{itemId}"] = ([V, G, O, A, D], [D]),
        ["POST /api/catalog-items/{itemId}/restock"] = ([O, D], [D]),
        ["POST /api/catalog-items/{itemId}/slots"] = ([O, D], [D]),
        ["POST /api/catalog-items/{itemId}/reprice"] = ([O, D], [D]),
        // Volunteers ask for themselves only: the office cannot spend a volunteer's points.
        ["POST /api/redemptions"] = ([V, G, D], [D]),
        ["GET /api/redemptions/{redemptionId}"] = ([V, G, O, A, D], [D]),
        ["POST /api/redemptions/{redemptionId}/approve"] = ([O, D], [D]),
        ["POST /api/redemptions/{redemptionId}/reject"] = ([O, D], [D]),
        ["POST /api/redemptions/{redemptionId}/cancel"] = ([V, G, D], [D]),
        ["POST /api/redemptions/{redemptionId}/fulfil"] = ([O, D], [D]),
        ["GET /api/communities/{communityId}/redemptions"] = ([O, A, D], [D]),
        ["GET /api/volunteers/{volunteerId}/redemptions"] = ([V, G, O, A, D], [D]),
        ["POST /api/volunteers/{volunteerId}/donations"] = ([V, G, D], [D]),
        ["GET /api/communities/{communityId}/chest"] = ([O, A, D], [D]),
        ["POST /api/communities/{communityId}/chest/grants"] = ([O, D], [D]),
        ["PUT /api/communities/{communityId}/points-policy"] = ([O, D], [D]),
        ["POST /api/communities/{communityId}/points-expiry"] = ([O, D], [D]),
        ["POST /api/communities/{communityId}/households"] = ([O, D], [D]),
        ["GET /api/communities/{communityId}/households"] = ([V, G, O, A, D], [D]),
        ["POST /api/catalog-items/{itemId}/delist"] = ([O, D], [D]),
    };

    private static readonly string[] PublicRoutes =
        [
            "POST /api/auth/token", "POST /api/auth/activate", "GET /api/activities", "GET /api/activities/{code}",
            "GET /api/certificates/{certificateId}/verify"
        ];

    private static readonly Dictionary<string, UserAccount> Users = new()
    {
        [V] = TestUsers.Volunteer(Seeded.ZhangXiaomei),
        [G] = TestUsers.Organizer(Seeded.LiJianguo),
        [O] = TestUsers.Office(),
        [A] = TestUsers.Auditor("auditor-qian", Seeded.Lanhua),
        [D] = TestUsers.Admin()
    };

    private static readonly Guid Elder1 = Guid.Parse("00000000-0000-7000-9000-000000000001");
    private static readonly Guid LanhuaPatrolTeam = Guid.Parse("00000000-0000-7000-8100-000000000001");
    private static readonly Guid LanhuaRiverTeam = Guid.Parse("00000000-0000-7000-8000-0000000a0001");
    private static readonly Guid LanhuaSegment = Guid.Parse("00000000-0000-7000-8000-0000000a1001");

    [Fact]
    public void every_route_the_app_serves_has_an_access_rule_and_a_row_in_this_matrix()
    {
        var served = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => AccessMiddleware.Route(e.RoutePattern).StartsWith("/api/"))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} {AccessMiddleware.Route(e.RoutePattern)}"))
            .Distinct().Order().ToList();

        served.Count.ShouldBeGreaterThan(50);
        served.Where(r => AccessRules.Find(r.Split(' ')[0], r.Split(' ')[1]) is null).ShouldBeEmpty("routes without a rule");
        served.Where(r => !Policy.ContainsKey(r) && !PublicRoutes.Contains(r)).ShouldBeEmpty("routes missing from the matrix");
        Policy.Keys.Concat(PublicRoutes).Where(r => !served.Contains(r)).ShouldBeEmpty("matrix rows for no route");
    }

    [Fact]
    public async Task every_role_gets_exactly_what_the_policy_says_on_own_and_foreign_resources()
    {
        var ids = await Arrange();
        var mismatches = new List<string>();

        foreach (var (route, expected) in Policy)
        foreach (var side in new[] { Side.Own, Side.Foreign })
        foreach (var (role, user) in Users)
        {
            var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
            var url = Url(template, side, role, ids);
            var body = Body(route, side, role, ids);
            using var response = await Send(new HttpMethod(method), url, body, user: user);
            var allowed = (side == Side.Own ? expected.Own : expected.Foreign).Contains(role);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (allowed && status is 401 or 403 or 404 or >= 500)
                mismatches.Add($"{route} as {role} on {side}: expected through, got {status} {Short(text)}");
            // A role that may use the route but not on this resource gets 404, so ids cannot be probed; a role that
            // may not use the route at all gets 403.
            var refusal = (side == Side.Foreign && expected.Own.Contains(role)) ||
                          (role == V && TeamMembersOnly.Contains(route)) ? 404 : 403;
            if (!allowed && !(status == refusal && (refusal == 403 || text.Contains("_not_found"))))
                mismatches.Add($"{route} as {role} on {side}: expected {refusal}, got {status} {Short(text)}");
        }

        mismatches.ShouldBeEmpty();
    }

    /// <summary>Volunteers may use these on their own river team only; 张晓梅 guards no river, so she gets 404.</summary>
    private static readonly string[] TeamMembersOnly =
        ["POST /api/river-teams/{teamId}/patrols", "POST /api/river-findings/{findingId}/resolve"];

    /// <summary>Routes where a volunteer acts on their own account or their own elder: another volunteer of the same
    /// community gets 404 on every one of them. The other routes a volunteer may use are open to the whole
    /// community.</summary>
    private static readonly string[] OwnerOnly =
    [
        "GET /api/volunteers/{volunteerId}", "GET /api/volunteers/{volunteerId}/balance",
        "GET /api/volunteers/{volunteerId}/statement", "GET /api/volunteers/{volunteerId}/profile",
        "PUT /api/volunteers/{volunteerId}/profile", "POST /api/service-records", "GET /api/service-records/{recordId}",
        "POST /api/patrol-shifts/{shiftId}/check-ins", "POST /api/patrol-shifts/{shiftId}/check-outs",
        "POST /api/elders/{elderId}/visits", "POST /api/redemptions", "GET /api/redemptions/{redemptionId}",
        "POST /api/redemptions/{redemptionId}/cancel", "GET /api/volunteers/{volunteerId}/redemptions",
        "POST /api/volunteers/{volunteerId}/donations",
        // An elder living alone is seen by the helpers paired with them, not by the whole community.
        "GET /api/elders/{elderId}", "GET /api/elders/{elderId}/coverage"
    ];

    [Fact]
    public async Task a_volunteer_gets_404_for_every_route_on_a_neighbours_account()
    {
        var ids = await Arrange();
        var neighbour = TestUsers.Volunteer(Seeded.Volunteer(7), name: "neighbour-7");
        var mismatches = new List<string>();
        var volunteerRoutes = Policy.Where(p => p.Value.Own.Contains(V)).Select(p => p.Key).ToList();
        OwnerOnly.Where(r => Policy.ContainsKey(r) && !volunteerRoutes.Contains(r)).ShouldBeEmpty("owner rows volunteers cannot use");
        volunteerRoutes.Count(OwnerOnly.Contains).ShouldBeGreaterThanOrEqualTo(15);

        foreach (var route in volunteerRoutes)
        {
            var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
            // Zhang Xiaomei's resources, asked for by her neighbour.
            using var response = await Send(new HttpMethod(method), Url(template, Side.Own, V, ids),
                Body(route, Side.Own, V, ids), user: neighbour);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (OwnerOnly.Contains(route) && !(status == 404 && text.Contains("_not_found")))
                mismatches.Add($"{route}: expected 404, got {status} {Short(text)}");
            if (!OwnerOnly.Contains(route) && status is 401 or 403 or 404 or >= 500)
                mismatches.Add($"{route}: expected through, got {status} {Short(text)}");
        }

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task without_a_token_only_public_routes_answer()
    {
        var ids = await Arrange();
        using var anonymous = App.CreateClient();
        foreach (var route in Policy.Keys)
        {
            var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
            using var request = new HttpRequestMessage(new HttpMethod(method), Url(template, Side.Own, O, ids));
            var body = Body(route, Side.Own, O, ids);
            if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            var response = await anonymous.SendAsync(request);
            ((int)response.StatusCode).ShouldBe(401, route);
        }
        (await anonymous.GetAsync("/api/activities")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task every_refusal_is_logged()
    {
        var ids = await Arrange();
        using var volunteer = App.ClientFor(Users[V]);

        (await volunteer.PostAsync($"/api/service-records/{ids.Own.Record[V]}/verify", null)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await volunteer.GetAsync($"/api/volunteers/{ids.Foreign.Volunteer}/balance")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        await using var session = Store.QuerySession();
        var denials = await Marten.QueryableExtensions.ToListAsync(
            session.Query<SecurityEvent>().Where(e => e.Action == SecurityLog.AccessDenied));
        denials.Select(d => (d.Username, d.Detail)).ShouldBe(
            [(Users[V].Username, "role"), (Users[V].Username, "out_of_scope")], ignoreOrder: true);
    }

    private static string Short(string text) => text.Length > 160 ? text[..160] : text;

    // ---- the world the matrix runs in ---------------------------------------------------------------------------

    private sealed record Resources(
        string Community,
        Guid Volunteer,
        Dictionary<string, Guid> Record,
        Guid PatrolTeam,
        Guid Shift,
        string ShiftCode,
        Guid RiverTeam,
        Guid Segment,
        Guid RiverPatrol,
        Guid Finding,
        Guid Elder,
        Guid Alert,
        Guid Certificate,
        Guid Item,
        Dictionary<string, Guid> Redemption);

    private sealed record World(Resources Own, Resources Foreign, Guid ForeignHelper, Guid Replay);

    /// <summary>Lanhua's seeded world, plus the same kinds of things in 梅花社区, all made by an administrator.</summary>
    private async Task<World> Arrange()
    {
        var admin = Users[D];
        var yesterday = new LocalDate(2026, 11, 22);
        var mei = await ForeignCommunityWithVolunteer("梅一");
        var meiHelper = await ForeignCommunityWithVolunteer("梅二");

        async Task<Guid> Pending(Guid volunteer) => (await Read<QunTuan.Api.ServiceRecords.ServiceRecordAccepted>(
            await Ok(Post("/api/service-records", new QunTuan.Api.ServiceRecords.SubmitServiceRecordRequest(volunteer,
                "CB02", yesterday), user: admin)))).RecordId;

        async Task<(Guid Team, Guid Shift, string Code)> Patrol(string community, Guid team, Guid organizer)
        {
            if (team == Guid.Empty)
                team = (await Read<QunTuan.Ledger.Patrols.PatrolTeamFormed>(await Ok(Post("/api/patrol-teams",
                    new QunTuan.Api.Patrols.FormPatrolTeamRequest(community, "梅花社区巡防队", [organizer]), user: admin))))
                    .TeamId;
            var start = App.Clock.GetCurrentInstant().Plus(Duration.FromMinutes(10));
            var shift = await Read<QunTuan.Ledger.Patrols.PatrolShiftScheduled>(await Ok(Post("/api/patrol-shifts",
                new QunTuan.Api.Patrols.SchedulePatrolShiftRequest(community, "巡防路线", start, start.Plus(Duration.FromHours(3)),
                    TeamId: team), user: admin)));
            return (team, shift.ShiftId, shift.CheckInCode);
        }

        async Task<(Guid Team, Guid Segment, Guid Patrol, Guid Finding)> River(string community, Guid team,
            Guid segment, Guid member)
        {
            if (team == Guid.Empty)
            {
                var formed = await Read<QunTuan.Ledger.RiverGuarding.RiverTeamFormed>(await Ok(Post("/api/river-teams",
                    new QunTuan.Api.RiverGuarding.FormRiverTeamRequest(community, "梅花河小二", [member],
                        [new QunTuan.Api.RiverGuarding.RiverSegmentRequest("梅溪", 600)]), user: admin)));
                (team, segment) = (formed.TeamId, formed.Segments[0].SegmentId);
            }
            var patrol = await Read<QunTuan.Api.RiverGuarding.RiverPatrolAccepted>(await Ok(Post(
                $"/api/river-teams/{team}/patrols", new QunTuan.Api.RiverGuarding.RecordRiverPatrolRequest(segment,
                    yesterday, new LocalTime(9, 0), new LocalTime(11, 0), [member],
                    [new QunTuan.Api.RiverGuarding.RiverFindingRequest(QunTuan.Ledger.RiverGuarding.RiverFindingKind.Litter, 2,
                        QunTuan.Ledger.RiverGuarding.RiverFindingSeverity.Low)]), user: admin)));
            return (team, segment, patrol.PatrolId, patrol.FindingIds[0]);
        }

        async Task<(Guid Elder, Guid Alert)> Elder(string community, Guid elder, Guid helper)
        {
            if (elder == Guid.Empty)
            {
                elder = (await Read<QunTuan.Ledger.ElderCare.ElderRegistered>(await Ok(Post(
                    $"/api/communities/{community}/elders", new QunTuan.Api.ElderCare.RegisterElderRequest("梅奶奶",
                        QunTuan.Ledger.ElderCare.AgeBand.Aged80To89, "第1网格"), user: admin)))).ElderId;
                await Ok(Send(HttpMethod.Put, $"/api/elders/{elder}/helpers", JsonSerializer.Serialize(
                    new QunTuan.Api.ElderCare.PairElderHelpersRequest([new(QunTuan.Ledger.ElderCare.HelperRole.GridMember,
                        helper)]), Json), user: admin));
            }
            var visit = await Read<QunTuan.Ledger.ElderCare.ElderVisitLogged>(await Ok(Post($"/api/elders/{elder}/visits",
                new QunTuan.Api.ElderCare.LogElderVisitRequest(helper, Today, 30,
                    QunTuan.Ledger.ElderCare.Wellbeing.Emergency), user: admin)));
            return (elder, visit.AlertId!.Value);
        }

        async Task<Guid> Item(string community) => (await Read<QunTuan.Ledger.Catalog.CatalogItemListed>(await Ok(Post(
            $"/api/communities/{community}/catalog", new QunTuan.Api.Catalog.ListCatalogItemRequest("MX01", "矩阵测试品",
                "Matrix item", QunTuan.Ledger.Catalog.ItemClass.Goods, 10, 100), user: admin)))).ItemId;

        async Task<Guid> Redemption(Guid volunteer, Guid item)
        {
            await Ok(Post($"/api/volunteers/{volunteer}/adjustments", new QunTuan.Api.Volunteers.AdjustPointsRequest(50,
                QunTuan.Ledger.Volunteers.CorrectionReason.Goodwill, "矩阵测试"), user: admin));
            return (await Read<QunTuan.Api.Redemptions.RedemptionResponse>(await Ok(Post("/api/redemptions",
                new QunTuan.Api.Redemptions.RequestRedemptionRequest(volunteer, item), user: admin)))).RedemptionId;
        }

        var ownItem = await Item("lanhua");
        var ownRedemptions = new Dictionary<string, Guid>
        {
            [V] = await Redemption(Seeded.ZhangXiaomei, ownItem), [G] = await Redemption(Seeded.LiJianguo, ownItem)
        };
        foreach (var role in new[] { O, A, D }) ownRedemptions[role] = await Redemption(Seeded.ZhangXiaomei, ownItem);
        var foreignItem = await Item("meihua");
        var foreignRedemption = await Redemption(mei, foreignItem);

        var ownRecords = new Dictionary<string, Guid>
        {
            [V] = await Pending(Seeded.ZhangXiaomei), [G] = await Pending(Seeded.LiJianguo)
        };
        foreach (var role in new[] { O, A, D }) ownRecords[role] = await Pending(Seeded.ZhangXiaomei);
        var ownPatrol = await Patrol("lanhua", LanhuaPatrolTeam, Seeded.LiJianguo);
        var ownRiver = await River("lanhua", LanhuaRiverTeam, LanhuaSegment, Seeded.LiJianguo);
        var ownElder = await Elder("lanhua", Elder1, Seeded.ZhangXiaomei);

        async Task<Guid> Certificate(Guid volunteer) => (await Read<QunTuan.Api.Certificates.CertificateView>(
            await Ok(Post($"/api/volunteers/{volunteer}/certificates", new { from = "2026-11-01", to = "2026-11-23" },
                user: admin)))).CertificateId;

        var foreignRecord = await Pending(mei);
        var foreignPatrol = await Patrol("meihua", Guid.Empty, mei);
        var foreignRiver = await River("meihua", Guid.Empty, Guid.Empty, mei);
        var foreignElder = await Elder("meihua", Guid.Empty, meiHelper);

        return new World(
            new Resources("lanhua", Seeded.ZhangXiaomei, ownRecords, ownPatrol.Team, ownPatrol.Shift, ownPatrol.Code,
                ownRiver.Team, ownRiver.Segment, ownRiver.Patrol, ownRiver.Finding, ownElder.Elder, ownElder.Alert,
                await Certificate(Seeded.ZhangXiaomei), ownItem, ownRedemptions),
            new Resources("meihua", mei, Users.Keys.ToDictionary(r => r, _ => foreignRecord), foreignPatrol.Team,
                foreignPatrol.Shift, foreignPatrol.Code, foreignRiver.Team, foreignRiver.Segment, foreignRiver.Patrol,
                foreignRiver.Finding, foreignElder.Elder, foreignElder.Alert, await Certificate(mei), foreignItem,
                Users.Keys.ToDictionary(r => r, _ => foreignRedemption)),
            meiHelper, await StoredReplayReport());
    }

    /// <summary>A finished replay's report, stored directly: the matrix is about who may read it, not about replays.</summary>
    private async Task<Guid> StoredReplayReport()
    {
        var report = new QunTuan.Api.Audit.ReplayReport(Guid.CreateVersion7(), "admin-zhou", App.Clock.GetCurrentInstant(),
            QunTuan.Api.Audit.ReplayStatus.Completed, "completed", 1, 1, null, 0, "none");
        await using var session = Store.LightweightSession();
        session.Store(report);
        await session.SaveChangesAsync();
        return report.Id;
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>The acting user's own volunteer (the organizer acts as 李建国), or the foreign community's.</summary>
    private static Guid VolunteerFor(Side side, string role, World w) =>
        side == Side.Foreign ? w.Foreign.Volunteer : role == G ? Seeded.LiJianguo : Seeded.ZhangXiaomei;

    private static string Url(string template, Side side, string role, World w)
    {
        var r = side == Side.Own ? w.Own : w.Foreign;
        var teamId = template.StartsWith("/api/river-teams") ? r.RiverTeam : r.PatrolTeam;
        if (template.StartsWith("/api/rankings/volunteers")) return $"{template}?community={r.Community}&period=2026-Q4";
        return template
            .Replace("{communityId}", r.Community)
            .Replace("{volunteerId}", VolunteerFor(side, role, w).ToString())
            .Replace("{streamId}", VolunteerFor(side, role, w).ToString())
            .Replace("{recordId}", r.Record[role].ToString())
            .Replace("{teamId}", teamId.ToString())
            .Replace("{shiftId}", r.Shift.ToString())
            .Replace("{patrolId}", r.RiverPatrol.ToString())
            .Replace("{findingId}", r.Finding.ToString())
            .Replace("{elderId}", r.Elder.ToString())
            .Replace("{alertId}", r.Alert.ToString())
            .Replace("{certificateId}", r.Certificate.ToString())
            .Replace("{replayId}", w.Replay.ToString())
            .Replace("{itemId}", r.Item.ToString())
            .Replace("{redemptionId}", r.Redemption[role].ToString())
            .Replace("{code}", "CB02");
    }

    /// <summary>A body that passes the gate when the user may act; whether the endpoint then accepts it is not
    /// the matrix's concern (a 409 or 422 still means the request got through).</summary>
    private static string? Body(string route, Side side, string role, World w)
    {
        var r = side == Side.Own ? w.Own : w.Foreign;
        var volunteer = VolunteerFor(side, role, w);
        object? body = route switch
        {
            "POST /api/activities" => new { code = "CB99", categoryCode = "CB", nameZh = "测试", nameEn = "Test", unit = "次",
                ruleEffectiveFrom = "2026-12-01", rule = new { kind = "per_occasion", points = 10, standardMinutes = 60 } },
            "POST /api/activities/{code}/rules" => new { effectiveFrom = "2027-01-01", reason = "调整",
                rule = new { kind = "per_occasion", points = 25, standardMinutes = 120 } },
            "POST /api/communities" => new { code = "zhuhua", nameZh = "竹花社区", nameEn = "Zhuhua", city = "兰溪市",
                street = "兰江街道", permanentResidents = 1000 },
            "POST /api/communities/{communityId}/volunteers" => new { displayName = "新志愿者", grid = "第1网格" },
            "POST /api/volunteers/{volunteerId}/adjustments" => new { points = 1, reason = "goodwill", note = "感谢" },
            "PUT /api/volunteers/{volunteerId}/profile" => new { phone = "13812345678" },
            "DELETE /api/volunteers/{volunteerId}/profile" => new { reason = "本人申请" },
            "POST /api/users" => new { username = $"user-{Guid.NewGuid():N}"[..20], roles = new[] { "auditor" } },
            "POST /api/service-records" => new { volunteerId = volunteer, activityCode = "CB02", serviceDate = "2026-11-22" },
            "POST /api/service-records/{recordId}/reject" => new { reason = "不符" },
            "POST /api/service-records/{recordId}/reversal" => new { reason = "entry_error", note = "更正" },
            "POST /api/patrol-teams" => new { community = r.Community, name = "新巡防队", organizerIds = new[] { volunteer } },
            "POST /api/patrol-teams/{teamId}/members" => new { volunteerId = side == Side.Own ? Seeded.Volunteer(3) : volunteer },
            "POST /api/patrol-shifts" => new { community = r.Community, teamId = r.PatrolTeam, area = "路线",
                plannedStart = "2026-11-23T06:00:00Z", plannedEnd = "2026-11-23T08:00:00Z" },
            "POST /api/patrol-shifts/{shiftId}/check-ins" => new { volunteerId = volunteer, code = r.ShiftCode },
            "POST /api/patrol-shifts/{shiftId}/check-outs" => new { volunteerId = volunteer },
            "POST /api/patrol-shifts/{shiftId}/incidents" => new { kind = "hazard_found", description = "井盖松动" },
            "POST /api/patrol-shifts/{shiftId}/close" => new { creditNow = false },
            "POST /api/river-teams" => new { communityId = r.Community, name = "新护河队", members = new[] { volunteer },
                segments = new[] { new { name = "新河段", lengthMetres = 300 } } },
            // Someone else joins: adding the acting user's own volunteer would change what they may do next.
            "POST /api/river-teams/{teamId}/members" => new { volunteerId = side == Side.Own ? Seeded.Volunteer(3) : volunteer },
            "POST /api/river-teams/{teamId}/segments" => new { name = $"河段{Guid.NewGuid():N}"[..8], lengthMetres = 100 },
            "POST /api/river-teams/{teamId}/patrols" => new { segmentId = r.Segment, serviceDate = "2026-11-22",
                start = "13:00:00", end = "15:00:00", participants = new[] { volunteer } },
            "POST /api/river-findings/{findingId}/resolve" => new { note = "已清理" },
            "POST /api/communities/{communityId}/elders" => new { displayName = "新老人", ageBand = "70_79", grid = "第1网格" },
            "PUT /api/elders/{elderId}/helpers" => new { helpers = Array.Empty<object>() },
            "POST /api/elders/{elderId}/visits" => new { volunteerId = side == Side.Foreign ? w.ForeignHelper : volunteer,
                visitDate = "2026-11-23", minutes = 20, wellbeing = "ok" },
            "POST /api/elder-alerts/{alertId}/acknowledge" => new { note = "已电话确认" },
            "POST /api/ratings" => new { subjectKind = "patrol_shift", subjectId = r.Shift, rating = "satisfied" },
            "POST /api/volunteers/{volunteerId}/certificates" => new { from = "2026-11-01", to = "2026-11-23" },
            "POST /api/communities/{communityId}/catalog" => new { code = $"T{Guid.NewGuid():N}"[..9].ToUpperInvariant(),
                nameZh = "新物品", nameEn = "New item", @class = "goods", price = 10, stock = 5 },
            "POST /api/catalog-items/{itemId}/restock" => new { quantity = 1 },
            "POST /api/catalog-items/{itemId}/slots" => new { date = "2026-12-01", start = "09:00:00", end = "11:00:00",
                capacity = 5 },
            "POST /api/catalog-items/{itemId}/reprice" => new { price = 12 },
            "POST /api/catalog-items/{itemId}/delist" => new { reason = "停止供应" },
            "POST /api/redemptions" => new { volunteerId = volunteer, itemId = r.Item },
            "POST /api/redemptions/{redemptionId}/reject" => new { reason = "不符" },
            "POST /api/redemptions/{redemptionId}/cancel" => new { },
            "POST /api/redemptions/{redemptionId}/fulfil" => new { code = "00000000" },
            "POST /api/volunteers/{volunteerId}/donations" => new { points = 1 },
            "POST /api/communities/{communityId}/chest/grants" => new { itemId = r.Item, beneficiaryId = r.Elder },
            "PUT /api/communities/{communityId}/points-policy" => new { decisionWindow = "168:00:00",
                collectionWindow = "720:00:00" },
            "POST /api/communities/{communityId}/households" => new { label = "困难户甲", grid = "第1网格",
                circumstance = "low_income" },
            _ => null
        };
        return body is null ? null : JsonSerializer.Serialize(body, Json);
    }
}
