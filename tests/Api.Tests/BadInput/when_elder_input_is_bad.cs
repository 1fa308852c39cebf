using System.Net;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.BadInput;

/// <summary>
/// The 1+3 routes' table of requests the API must refuse, in the shape of <see cref="when_input_is_bad"/>: each
/// row says what comes back (status, problem <c>code</c>, the <c>field</c> at fault) and proves the refusal
/// appended nothing. Placeholders in the URL name state the test creates first: <c>{alert}</c> an open alert,
/// <c>{acknowledged}</c> an acknowledged one.
/// </summary>
public sealed class when_elder_input_is_bad(AppFixture fixture) : Scenarios(fixture)
{
    private const string OpenAlert = "{alert}";
    private const string ClosedAlert = "{acknowledged}";

    private const string JsonType = "application/json";
    private const string Elder1 = "00000000-0000-7000-9000-000000000001";
    private const string NoSuchElder = "00000000-0000-7000-9000-000000000099";
    private const string NoSuchAlert = "0196a1b2-0000-7000-8000-00000000a1e7";
    private const string GridLeader1 = "00000000-0000-7000-8000-000000000013";  // paired with elder 1 today
    private const string GridMember1 = "00000000-0000-7000-8000-000000000001";  // paired with elder 1 today
    private const string OtherLeader = "00000000-0000-7000-8000-000000000014";  // paired with elders 4 and 5 only
    private const string NoSuchVolunteer = "00000000-0000-7000-8000-000000000099";

    // Today is Monday 2026-11-23 in Asia/Shanghai; the seeds paired elder 1's helpers today.
    private const string Tomorrow = "2026-11-24";
    private const string Yesterday = "2026-11-22";

    private const string Elders = "/api/communities/lanhua/elders";
    private const string Helpers = $"/api/elders/{Elder1}/helpers";
    private const string Visits = $"/api/elders/{Elder1}/visits";

    private static string Elder(string fields = "", params string[] without) =>
        Body([("displayName", "\"孔阿婆\""), ("ageBand", "\"80_89\""), ("grid", "\"第3网格\"")], fields, without);

    private static string Visit(string fields = "", params string[] without) =>
        Body([("volunteerId", $"\"{GridLeader1}\""), ("visitDate", "\"2026-11-23\""), ("minutes", "20"),
            ("wellbeing", "\"ok\"")], fields, without);

    private static string Pairing(params (string Role, string Volunteer)[] helpers) =>
        "{\"helpers\":[" + string.Join(",", helpers.Select(h =>
            $"{{\"role\":\"{h.Role}\",\"volunteerId\":\"{h.Volunteer}\"}}")) + "]}";

    /// <summary>A JSON object of <paramref name="defaults"/>, with <paramref name="fields"/> added or replacing them
    /// and the fields named in <paramref name="without"/> left out.</summary>
    private static string Body(List<(string Key, string Value)> defaults, string fields, string[] without)
    {
        defaults.RemoveAll(p => without.Contains(p.Key) || fields.Contains($"\"{p.Key}\":"));
        var body = string.Join(",", defaults.Select(p => $"\"{p.Key}\":{p.Value}"));
        if (fields.Length > 0) body = body.Length > 0 ? body + "," + fields : fields;
        return "{" + body + "}";
    }

    public static readonly IReadOnlyList<BadInputCase> Table =
    [
        // ---- POST /api/communities/{id}/elders ----------------------------------------------------------------
        new("elder: missing displayName", "POST", Elders, Elder(without: "displayName"), JsonType, 400, "required",
            "displayName"),
        new("elder: blank displayName", "POST", Elders, Elder("\"displayName\":\"  \""), JsonType, 422, "required",
            "displayName"),
        new("elder: displayName with a mobile number", "POST", Elders, Elder("\"displayName\":\"孔阿婆13912345678\""),
            JsonType, 422, "personal_data_not_allowed", "displayName"),
        new("elder: grid with an ID-card number", "POST", Elders, Elder("\"grid\":\"330781194001011234\""), JsonType,
            422, "personal_data_not_allowed", "grid"),
        new("elder: grid over 40 characters", "POST", Elders, Elder($"\"grid\":\"{new string('格', 41)}\""),
            JsonType, 422, "too_long", "grid"),
        new("elder: age band not one of the three", "POST", Elders, Elder("\"ageBand\":\"60_69\""), JsonType, 400,
            "invalid_value", "ageBand"),
        new("elder: age band as an integer", "POST", Elders, Elder("\"ageBand\":1"), JsonType, 400, "invalid_value",
            "ageBand"),
        new("elder: age band as a number of years", "POST", Elders, Elder("\"ageBand\":\"85\""), JsonType, 400,
            "invalid_value", "ageBand"),
        new("elder: missing ageBand", "POST", Elders, Elder(without: "ageBand"), JsonType, 400, "required",
            "ageBand"),
        new("elder: a phone field is no field at all", "POST", Elders, Elder("\"phone\":\"13912345678\""), JsonType,
            400, "unknown_field", "phone"),
        new("elder: an ID number field is no field at all", "POST", Elders, Elder("\"idNumber\":\"x\""), JsonType,
            400, "unknown_field", "idNumber"),
        new("elder: unknown community", "POST", "/api/communities/nowhere/elders", Elder(), JsonType, 404,
            "community_not_found", null),
        new("elder: JSON null as the body", "POST", Elders, "null", JsonType, 400, "malformed_json", null),

        // ---- PUT /api/elders/{id}/helpers ---------------------------------------------------------------------
        new("helpers: elder id not a UUID", "PUT", "/api/elders/wu/helpers", Pairing(), JsonType, 404,
            "elder_not_found", null),
        new("helpers: unknown elder", "PUT", $"/api/elders/{NoSuchElder}/helpers", Pairing(), JsonType, 404,
            "elder_not_found", null),
        new("helpers: missing helpers", "PUT", Helpers, "{}", JsonType, 400, "required", "helpers"),
        new("helpers: role not one of the three", "PUT", Helpers, Pairing(("neighbour", GridLeader1)), JsonType, 400,
            "invalid_value", "helpers[0].role"),
        new("helpers: two helpers in one role", "PUT", Helpers,
            Pairing(("party_member", GridLeader1), ("party_member", GridMember1)), JsonType, 422, "role_taken_twice",
            "helpers[1].role"),
        new("helpers: one volunteer in two roles", "PUT", Helpers,
            Pairing(("grid_leader", GridLeader1), ("grid_member", GridLeader1)), JsonType, 422,
            "volunteer_holds_two_roles", "helpers[1].volunteerId"),
        new("helpers: unknown volunteer", "PUT", Helpers, Pairing(("grid_member", NoSuchVolunteer)), JsonType, 404,
            "volunteer_not_found", "helpers[0].volunteerId"),
        new("helpers: volunteer id not a UUID", "PUT", Helpers, Pairing(("grid_member", "zhang")), JsonType, 400,
            "invalid_value", "helpers[0].volunteerId"),

        // ---- POST /api/elders/{id}/visits ---------------------------------------------------------------------
        new("visit: a volunteer not paired with the elder", "POST", Visits, Visit($"\"volunteerId\":\"{OtherLeader}\""),
            JsonType, 422, "not_paired", "volunteerId"),
        new("visit: an unknown volunteer", "POST", Visits, Visit($"\"volunteerId\":\"{NoSuchVolunteer}\""), JsonType,
            422, "not_paired", "volunteerId"),
        new("visit: dated before the helper was paired", "POST", Visits, Visit($"\"visitDate\":\"{Yesterday}\""),
            JsonType, 422, "not_paired", "volunteerId"),
        new("visit: dated tomorrow", "POST", Visits, Visit($"\"visitDate\":\"{Tomorrow}\""), JsonType, 422,
            "visit_date_in_future", "visitDate"),
        new("visit: dated 367 days ago", "POST", Visits, Visit("\"visitDate\":\"2025-11-21\""), JsonType, 422,
            "visit_date_too_old", "visitDate"),
        new("visit: impossible date", "POST", Visits, Visit("\"visitDate\":\"2026-02-30\""), JsonType, 400,
            "invalid_value", "visitDate"),
        new("visit: zero minutes", "POST", Visits, Visit("\"minutes\":0"), JsonType, 422, "minutes_out_of_range",
            "minutes"),
        new("visit: 601 minutes", "POST", Visits, Visit("\"minutes\":601"), JsonType, 422, "minutes_out_of_range",
            "minutes"),
        new("visit: fractional minutes", "POST", Visits, Visit("\"minutes\":20.5"), JsonType, 400, "invalid_value",
            "minutes"),
        new("visit: missing minutes", "POST", Visits, Visit(without: "minutes"), JsonType, 400, "required", "minutes"),
        new("visit: wellbeing not one of the three", "POST", Visits, Visit("\"wellbeing\":\"fine\""), JsonType, 400,
            "invalid_value", "wellbeing"),
        new("visit: missing wellbeing", "POST", Visits, Visit(without: "wellbeing"), JsonType, 400, "required",
            "wellbeing"),
        new("visit: note with an ID-card number", "POST", Visits, Visit("\"note\":\"老人身份证330781194001011234\""),
            JsonType, 422, "personal_data_not_allowed", "note"),
        new("visit: note with a spaced mobile number", "POST", Visits, Visit("\"note\":\"儿子电话 138 1234 5678\""),
            JsonType, 422, "personal_data_not_allowed", "note"),
        new("visit: note over 500 characters", "POST", Visits, Visit($"\"note\":\"{new string('访', 501)}\""),
            JsonType, 422, "too_long", "note"),
        new("visit: unknown elder", "POST", $"/api/elders/{NoSuchElder}/visits", Visit(), JsonType, 404,
            "elder_not_found", null),

        // ---- alerts -------------------------------------------------------------------------------------------
        new("acknowledge: unknown alert", "POST", $"/api/elder-alerts/{NoSuchAlert}/acknowledge",
            """{"note":"已处理"}""", JsonType, 404, "elder_alert_not_found", null),
        new("acknowledge: alert id not a UUID", "POST", "/api/elder-alerts/fall/acknowledge", """{"note":"已处理"}""",
            JsonType, 404, "elder_alert_not_found", null),
        new("acknowledge: missing note", "POST", $"/api/elder-alerts/{OpenAlert}/acknowledge", "{}", JsonType, 400,
            "required", "note"),
        new("acknowledge: blank note", "POST", $"/api/elder-alerts/{OpenAlert}/acknowledge", """{"note":" "}""",
            JsonType, 422, "required", "note"),
        new("acknowledge: note with a mobile number", "POST", $"/api/elder-alerts/{OpenAlert}/acknowledge",
            """{"note":"已通知家属13812345678"}""", JsonType, 422, "personal_data_not_allowed", "note"),
        new("acknowledge: already acknowledged", "POST", $"/api/elder-alerts/{ClosedAlert}/acknowledge",
            """{"note":"再次处理"}""", JsonType, 409, "alert_already_acknowledged", null),

        // ---- reads --------------------------------------------------------------------------------------------
        new("overdue: days 0", "GET", $"{Elders}/overdue?days=0", null, null, 400, "days_out_of_range", "days"),
        new("overdue: days 31", "GET", $"{Elders}/overdue?days=31", null, null, 400, "days_out_of_range", "days"),
        new("overdue: days=two", "GET", $"{Elders}/overdue?days=two", null, null, 400, "invalid_value", "days"),
        new("overdue: unknown community", "GET", "/api/communities/nowhere/elders/overdue", null, null, 404,
            "community_not_found", null),
        new("elders list: pageSize 101", "GET", $"{Elders}?pageSize=101", null, null, 400, "page_size_out_of_range",
            "pageSize"),
        new("elder: unknown", "GET", $"/api/elders/{NoSuchElder}", null, null, 404, "elder_not_found", null),
        new("coverage: elder id not a UUID", "GET", "/api/elders/wu/coverage", null, null, 404, "elder_not_found",
            null),
        new("coverage: a volunteer's id is no elder", "GET", $"/api/elders/{GridLeader1}/coverage", null, null, 404,
            "elder_not_found", null),
        new("alerts: page 0", "GET", "/api/communities/lanhua/elder-alerts?page=0", null, null, 400,
            "page_out_of_range", "page"),
        new("alerts: unknown community", "GET", "/api/communities/nowhere/elder-alerts", null, null, 404,
            "community_not_found", null),
    ];

    public static IEnumerable<object[]> Cases => BadInputCase.Cases(nameof(when_elder_input_is_bad));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task is_refused_with_a_problem_and_appends_nothing(BadInputCase @case)
    {
        var url = await Arrange(@case.Url);
        var before = await EventCount();

        using var response = await Send(new HttpMethod(@case.Method), url, @case.Body, actor: @case.Actor,
            contentType: @case.ContentType ?? JsonType);

        await response.ShouldBeProblem(@case.Status, @case.Code, @case.Field);
        (await EventCount()).ShouldBe(before, $"{@case.Name}: a refused request must append no event");
    }

    [Fact]
    public void the_table_has_distinct_names_and_enough_cases()
    {
        Table.Count.ShouldBeGreaterThanOrEqualTo(12);
        Table.Select(c => c.Name).ShouldBeUnique();
    }

    /// <summary>Creates the alert a row's placeholder names, through the API, and puts its id in the URL.</summary>
    private async Task<string> Arrange(string url)
    {
        if (url.Contains(OpenAlert)) url = url.Replace(OpenAlert, (await RaiseAlert(Seeded.Volunteer(13))).ToString());
        if (url.Contains(ClosedAlert))
        {
            var alertId = await RaiseAlert(Seeded.ZhangXiaomei);
            (await Post($"/api/elder-alerts/{alertId}/acknowledge", new { note = "已上门查看" }))
                .ShouldBe(HttpStatusCode.OK);
            url = url.Replace(ClosedAlert, alertId.ToString());
        }
        return url;
    }

    private async Task<Guid> RaiseAlert(Guid helper)
    {
        var response = await Post($"/api/elders/{Elder1}/visits", new
        {
            volunteerId = helper, visitDate = "2026-11-23", minutes = 20, wellbeing = "emergency"
        });
        response.ShouldBe(HttpStatusCode.Created);
        return (await ReadObject(response))["alertId"]!.GetValue<Guid>();
    }
}
