using System.Net;
using QunTuan.Api.RiverGuarding;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.BadInput;

/// <summary>
/// The river-guarding table of requests the API must refuse, in the shape of <see cref="when_input_is_bad"/>:
/// each row gives the status, problem <c>code</c> and <c>field</c>, and every row proves nothing was appended.
/// <c>{finding}</c> and <c>{resolved}</c> in a URL name an open and a resolved finding the test creates first.
/// </summary>
public sealed class when_river_input_is_bad(AppFixture fixture) : Scenarios(fixture)
{
    private const string Finding = "{finding}";
    private const string Resolved = "{resolved}";

    private const string JsonType = "application/json";
    private const string Team = "00000000-0000-7000-8000-0000000a0001";
    private const string Lanjiang = "00000000-0000-7000-8000-0000000a1001";
    private const string Member = "00000000-0000-7000-8000-000000000002";
    private const string OtherMember = "00000000-0000-7000-8000-000000000004";
    private const string NotAMember = "00000000-0000-7000-8000-000000000001";
    private const string NoSuchVolunteer = "00000000-0000-7000-8000-000000000099";
    private const string NoSuchId = "0196a1b2-0000-7000-8000-00000000beef";

    private const string Teams = "/api/river-teams";
    private const string Patrols = $"{Teams}/{Team}/patrols";
    private const string Members = $"{Teams}/{Team}/members";
    private const string Segments = $"{Teams}/{Team}/segments";

    private const string Yesterday = "2026-11-22";
    private const string Litter = """{"kind":"litter","count":3,"severity":"low"}""";

    /// <summary>A valid team of volunteer 1 and 3 guarding one new segment, with <paramref name="replace"/> applied.</summary>
    private static string NewTeam(params (string From, string To)[] replace)
    {
        var body = $$"""{"communityId":"lanhua","name":"青年护河队","members":["{{NotAMember}}","00000000-0000-7000-8000-000000000003"],"segments":[{"name":"兰江北岸","lengthMetres":1500}]}""";
        foreach (var (from, to) in replace) body = body.Replace(from, to);
        return body;
    }

    /// <summary>A valid patrol of the seeded team on 兰江兰花段 yesterday, 09:00-11:30, by one member, with
    /// <paramref name="replace"/> applied.</summary>
    private static string Patrol(params (string From, string To)[] replace)
    {
        var body = $$"""{"segmentId":"{{Lanjiang}}","serviceDate":"{{Yesterday}}","start":"09:00:00","end":"11:30:00","participants":["{{Member}}"],"findings":[{{Litter}}],"creditNow":true}""";
        foreach (var (from, to) in replace) body = body.Replace(from, to);
        return body;
    }

    private static string WithFinding(string finding) => Patrol((Litter, finding));

    public static readonly IReadOnlyList<BadInputCase> Table =
    [
        // ---- POST /api/river-teams ------------------------------------------------------------------------------
        new("team: missing name", "POST", Teams, NewTeam(("\"name\":\"青年护河队\",", "")), 400, "required", "name"),
        new("team: blank name", "POST", Teams, NewTeam(("青年护河队", "  ")), 422, "required", "name"),
        new("team: name with a mobile number", "POST", Teams, NewTeam(("青年护河队", "青年护河队13812345678")), 422,
            "personal_data_not_allowed", "name"),
        new("team: unknown community", "POST", Teams, NewTeam(("lanhua", "nowhere")), 404, "community_not_found",
            "communityId"),
        new("team: no members", "POST", Teams,
            NewTeam(($"[\"{NotAMember}\",\"00000000-0000-7000-8000-000000000003\"]", "[]")), 422,
            "members_out_of_range", "members"),
        new("team: unknown volunteer as member", "POST", Teams, NewTeam((NotAMember, NoSuchVolunteer)), 404,
            "volunteer_not_found", "members[0]"),
        new("team: member listed twice", "POST", Teams,
            NewTeam(("00000000-0000-7000-8000-000000000003", NotAMember)), 422, "duplicate_member", "members[1]"),
        new("team: member id not a UUID", "POST", Teams, NewTeam((NotAMember, "zhang")), 400, "invalid_value",
            "members[0]"),
        new("team: no segments", "POST", Teams, NewTeam(("""[{"name":"兰江北岸","lengthMetres":1500}]""", "[]")), 422,
            "segments_out_of_range", "segments"),
        new("team: segment of 0 metres", "POST", Teams, NewTeam(("1500", "0")), 422, "segment_length_out_of_range",
            "segments[0].lengthMetres"),
        new("team: segment over 100 km", "POST", Teams, NewTeam(("1500", "100001")), 422,
            "segment_length_out_of_range", "segments[0].lengthMetres"),
        new("team: segment length as a string", "POST", Teams, NewTeam(("1500", "\"1500\"")), 400, "invalid_value",
            "segments[0].lengthMetres"),
        new("team: segment name over 60 characters", "POST", Teams, NewTeam(("兰江北岸", new string('河', 61))), 422,
            "too_long", "segments[0].name"),
        new("team: two segments of one name", "POST", Teams,
            NewTeam(("""{"name":"兰江北岸","lengthMetres":1500}""",
                """{"name":"兰江北岸","lengthMetres":1500},{"name":"兰江北岸","lengthMetres":900}""")), 409,
            "segment_name_taken", "segments[1].name"),
        new("team: segment another team guards", "POST", Teams,
            NewTeam(("\"lengthMetres\":1500", $"\"lengthMetres\":1500,\"segmentId\":\"{Lanjiang}\"")), 409,
            "river_segment_exists", "segments[0].segmentId"),
        new("team: unknown scope", "POST", Teams, NewTeam(("\"communityId\"", "\"scope\":\"district\",\"communityId\"")), 400,
            "invalid_value", "scope"),
        new("team: scope as an integer", "POST", Teams, NewTeam(("\"communityId\"", "\"scope\":1,\"communityId\"")), 400,
            "invalid_value", "scope"),
        new("team: scope null", "POST", Teams, NewTeam(("\"communityId\"", "\"scope\":null,\"communityId\"")), 400,
            "invalid_value", "scope"),
        new("team: id already taken", "POST", Teams, NewTeam(("\"communityId\"", $"\"teamId\":\"{Team}\",\"communityId\"")),
            409, "river_team_exists", "teamId"),

        // ---- POST /api/river-teams/{teamId}/members and /segments -----------------------------------------------
        new("join: already a member", "POST", Members, $$"""{"volunteerId":"{{Member}}"}""", 409, "already_member",
            "volunteerId"),
        new("join: unknown volunteer", "POST", Members, $$"""{"volunteerId":"{{NoSuchVolunteer}}"}""", 404,
            "volunteer_not_found", "volunteerId"),
        new("join: unknown team", "POST", $"{Teams}/{NoSuchId}/members", $$"""{"volunteerId":"{{NotAMember}}"}""", 404,
            "river_team_not_found", null),
        new("join: team id not a UUID", "POST", $"{Teams}/hexiaoer/members", $$"""{"volunteerId":"{{NotAMember}}"}""",
            404, "river_team_not_found", null),
        new("segment: name the team already uses", "POST", Segments, """{"name":"兰江兰花段","lengthMetres":900}""", 409,
            "segment_name_taken", "name"),
        new("segment: negative length", "POST", Segments, """{"name":"新河段","lengthMetres":-5}""", 422,
            "segment_length_out_of_range", "lengthMetres"),

        // ---- POST /api/river-teams/{teamId}/patrols ------------------------------------------------------------
        new("patrol: end before start", "POST", Patrols, Patrol(("11:30:00", "08:30:00")), 422,
            "patrol_end_not_after_start", "end"),
        new("patrol: end equal to start", "POST", Patrols, Patrol(("11:30:00", "09:00:00")), 422,
            "patrol_end_not_after_start", "end"),
        new("patrol: start as 9am", "POST", Patrols, Patrol(("09:00:00", "9am")), 400, "invalid_value", "start"),
        new("patrol: missing start", "POST", Patrols, Patrol(("\"start\":\"09:00:00\",", "")), 400, "required",
            "start"),
        new("patrol: not over yet today", "POST", Patrols, Patrol((Yesterday, "2026-11-23")), 422, "patrol_not_over",
            "end"),
        new("patrol: service date tomorrow", "POST", Patrols, Patrol((Yesterday, "2026-11-24")), 422,
            "service_date_in_future", "serviceDate"),
        new("patrol: service date 367 days ago", "POST", Patrols, Patrol((Yesterday, "2025-11-21")), 422,
            "service_date_too_old", "serviceDate"),
        new("patrol: no participants", "POST", Patrols, Patrol(($"[\"{Member}\"]", "[]")), 422,
            "participants_required", "participants"),
        new("patrol: participants null", "POST", Patrols, Patrol(($"[\"{Member}\"]", "null")), 400, "required",
            "participants"),
        new("patrol: participant not on the team", "POST", Patrols, Patrol((Member, NotAMember)), 422,
            "participant_not_member", "participants[0]"),
        new("patrol: participant listed twice", "POST", Patrols,
            Patrol(($"[\"{Member}\"]", $"[\"{OtherMember}\",\"{Member}\",\"{OtherMember}\"]")), 422,
            "duplicate_participant", "participants[2]"),
        new("patrol: segment the team does not guard", "POST", Patrols, Patrol((Lanjiang, NoSuchId)), 422,
            "segment_not_in_team", "segmentId"),
        new("patrol: unknown team", "POST", $"{Teams}/{NoSuchId}/patrols", Patrol(), 404, "river_team_not_found",
            null),
        new("patrol: finding count 0", "POST", Patrols,
            WithFinding("""{"kind":"litter","count":0,"severity":"low"}"""), 422, "finding_count_out_of_range",
            "findings[0].count"),
        new("patrol: finding count 1000", "POST", Patrols,
            WithFinding("""{"kind":"litter","count":1000,"severity":"low"}"""), 422, "finding_count_out_of_range",
            "findings[0].count"),
        new("patrol: unknown finding kind", "POST", Patrols,
            WithFinding("""{"kind":"oil_spill","count":1,"severity":"low"}"""), 400, "invalid_value",
            "findings[0].kind"),
        new("patrol: severity as an integer", "POST", Patrols,
            WithFinding("""{"kind":"pollution","count":1,"severity":2}"""), 400, "invalid_value",
            "findings[0].severity"),
        new("patrol: photoRef is a URL", "POST", Patrols,
            WithFinding("""{"kind":"litter","count":1,"severity":"low","photoRef":"https://img.example.com/a.jpg"}"""),
            422, "invalid_photo_ref", "findings[0].photoRef"),
        new("patrol: photoRef over 64 characters", "POST", Patrols,
            WithFinding($$"""{"kind":"litter","count":1,"severity":"low","photoRef":"{{new string('p', 65)}}"}"""),
            422, "invalid_photo_ref", "findings[0].photoRef"),
        new("patrol: photoRef is a mobile number", "POST", Patrols,
            WithFinding("""{"kind":"litter","count":1,"severity":"low","photoRef":"13812345678"}"""), 422,
            "personal_data_not_allowed", "findings[0].photoRef"),
        new("patrol: finding note with an ID-card number", "POST", Patrols,
            WithFinding("""{"kind":"litter","count":1,"severity":"low","note":"举报人 330781199001011234"}"""), 422,
            "personal_data_not_allowed", "findings[0].note"),
        new("patrol: finding id listed twice", "POST", Patrols,
            WithFinding($$"""{"kind":"litter","count":1,"severity":"low","findingId":"{{NoSuchId}}"},{"kind":"litter","count":2,"severity":"low","findingId":"{{NoSuchId}}"}"""),
            422, "duplicate_finding", "findings[1].findingId"),

        // ---- POST /api/river-findings/{findingId}/resolve -------------------------------------------------------
        new("resolve: twice", "POST", $"/api/river-findings/{Resolved}/resolve", """{"note":"再次清理"}""", 409,
            "river_finding_already_resolved", null),
        new("resolve: blank note", "POST", $"/api/river-findings/{Finding}/resolve", """{"note":"  "}""", 422,
            "required", "note"),
        new("resolve: missing note", "POST", $"/api/river-findings/{Finding}/resolve", "{}", 400, "required", "note"),
        new("resolve: note with a mobile number", "POST", $"/api/river-findings/{Finding}/resolve",
            """{"note":"已联系 138-1234-5678 处理"}""", 422, "personal_data_not_allowed", "note"),
        new("resolve: unknown finding", "POST", $"/api/river-findings/{NoSuchId}/resolve", """{"note":"已清理"}""", 404,
            "river_finding_not_found", null),
        new("resolve: id not a UUID", "POST", "/api/river-findings/litter-1/resolve", """{"note":"已清理"}""", 404,
            "river_finding_not_found", null),

        // ---- reads ----------------------------------------------------------------------------------------------
        new("team: GET id not a UUID", "GET", $"{Teams}/hexiaoer", null, 404, "river_team_not_found", null),
        new("segments: GET of an unknown team", "GET", $"{Teams}/{NoSuchId}/segments", null, 404,
            "river_team_not_found", null),
        new("finding: GET of an unknown finding", "GET", $"/api/river-findings/{NoSuchId}", null, 404,
            "river_finding_not_found", null),
        new("patrol: GET of an unknown patrol", "GET", $"/api/river-patrols/{NoSuchId}", null, 404,
            "river_patrol_not_found", null),
        new("patrol: GET id not a UUID", "GET", "/api/river-patrols/morning-round", null, 404,
            "river_patrol_not_found", null),
    ];

    public static IEnumerable<object[]> Cases => BadInputCase.Cases(nameof(when_river_input_is_bad));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task is_refused_with_a_problem_and_appends_nothing(BadInputCase @case)
    {
        var url = await Arrange(@case.Url);
        var before = await EventCount();

        using var response = await Send(new HttpMethod(@case.Method), url, @case.Body);

        await response.ShouldBeProblem(@case.Status, @case.Code, @case.Field);
        (await EventCount()).ShouldBe(before, $"{@case.Name}: a refused request must append no event");
    }

    [Fact]
    public void the_table_has_distinct_names_and_enough_cases()
    {
        Table.Count.ShouldBeGreaterThanOrEqualTo(10);
        Table.Select(c => c.Name).ShouldBeUnique();
    }

    /// <summary>Reports a finding (and resolves one) through the API, and puts its id in the URL.</summary>
    private async Task<string> Arrange(string url)
    {
        if (!url.Contains(Finding) && !url.Contains(Resolved)) return url;
        var created = await Post(Patrols, new RecordRiverPatrolRequest(Guid.Parse(Lanjiang), Today.PlusDays(-1),
            new(9, 0), new(11, 0), [Guid.Parse(Member)],
            [new(QunTuan.Ledger.RiverGuarding.RiverFindingKind.Litter, 4, QunTuan.Ledger.RiverGuarding.RiverFindingSeverity.Low)]));
        created.ShouldBe(HttpStatusCode.Created);
        var finding = (await Read<RiverPatrolAccepted>(created)).FindingIds[0];
        if (url.Contains(Resolved))
        {
            (await Post($"/api/river-findings/{finding}/resolve", new ResolveRiverFindingRequest("已清理")))
                .ShouldBe(HttpStatusCode.OK);
            return url.Replace(Resolved, finding.ToString());
        }
        return url.Replace(Finding, finding.ToString());
    }
}
