using System.Net;
using QunTuan.Api.Communities;
using QunTuan.Api.Patrols;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Tests.Patrols;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.Patrols;
using QunTuan.Ledger.Volunteers;

namespace QunTuan.Api.Tests.BadInput;

/// <summary>
/// The patrol routes' table of requests the API must refuse, in the shape of <see cref="when_input_is_bad"/>:
/// every row asserts status, problem <c>code</c> and <c>field</c>, and that no event was appended. Placeholders in
/// the URL or the body (<c>{shift}</c>, <c>{closed}</c>, <c>{foreignTeam}</c>, <c>{foreignVolunteer}</c>) name
/// state the test creates before it counts events.
/// </summary>
public sealed class when_patrol_input_is_bad(AppFixture fixture) : PatrolScenarios(fixture)
{
    private const string OpenShift = "{shift}";
    private const string ClosedShift = "{closed}";
    private const string ForeignTeam = "{foreignTeam}";
    private const string ForeignVolunteer = "{foreignVolunteer}";

    private const string JsonType = "application/json";
    private const string V1 = "00000000-0000-7000-8000-000000000001";
    private const string V9 = "00000000-0000-7000-8000-000000000009";
    private const string NoSuchVolunteer = "00000000-0000-7000-8000-000000000099";
    private const string NoSuchShift = "0196a1b2-0000-7000-8000-00000000cafe";
    private const string Team = "00000000-0000-7000-8100-000000000001";

    private const string Shifts = "/api/patrol-shifts";
    private const string Teams = "/api/patrol-teams";
    private const string List = "/api/communities/lanhua/patrol-shifts";

    // The clock reads 10:00 on 2026-11-23 in Shanghai (02:00 UTC); the default shift runs 10:30-13:30.
    /// <summary>A valid shift request with <paramref name="fields"/> added or replacing the defaults and the fields
    /// named in <paramref name="without"/> left out.</summary>
    private static string Shift(string fields = "", params string[] without) => Body(
    [
        ("community", "\"lanhua\""),
        ("area", "\"兰花路—兰江路沿线\""),
        ("plannedStart", "\"2026-11-23T02:30:00Z\""),
        ("plannedEnd", "\"2026-11-23T05:30:00Z\"")
    ], fields, without);

    private static string TeamBody(string fields = "", params string[] without) => Body(
    [
        ("community", "\"lanhua\""),
        ("name", "\"第5网格夜巡小组\""),
        ("organizerIds", $"[\"{V9}\"]"),
        ("memberIds", "[\"00000000-0000-7000-8000-000000000010\"]")
    ], fields, without);

    private static string Body(List<(string Key, string Value)> parts, string fields, string[] without)
    {
        parts.RemoveAll(p => without.Contains(p.Key) || fields.Contains($"\"{p.Key}\":"));
        var body = string.Join(",", parts.Select(p => $"\"{p.Key}\":{p.Value}"));
        if (fields.Length > 0) body = body.Length > 0 ? body + "," + fields : fields;
        return "{" + body + "}";
    }

    private static string Incident(string kind = "\"hazard_found\"", string description = "\"3号楼消防通道堆放杂物\"") =>
        $$"""{"kind":{{kind}},"description":{{description}}}""";

    public static readonly IReadOnlyList<BadInputCase> Table =
    [
        // ---- POST /api/patrol-shifts ---------------------------------------------------------------------------
        new("schedule: JSON null as the body", "POST", Shifts, "null", JsonType, 400, "malformed_json", null),
        new("schedule: missing area", "POST", Shifts, Shift(without: "area"), JsonType, 400, "required", "area"),
        new("schedule: missing plannedStart", "POST", Shifts, Shift(without: "plannedStart"), JsonType, 400,
            "required", "plannedStart"),
        new("schedule: plannedStart without a zone", "POST", Shifts,
            Shift("\"plannedStart\":\"2026-11-23T10:30:00\""), JsonType, 400, "invalid_value", "plannedStart"),
        new("schedule: plannedEnd as a date only", "POST", Shifts, Shift("\"plannedEnd\":\"2026-11-23\""), JsonType,
            400, "invalid_value", "plannedEnd"),
        new("schedule: unknown field", "POST", Shifts, Shift("\"code\":\"123456\""), JsonType, 400, "unknown_field",
            "code"),
        new("schedule: end before start", "POST", Shifts, Shift("\"plannedEnd\":\"2026-11-23T02:00:00Z\""),
            JsonType, 422, "shift_end_not_after_start", "plannedEnd"),
        new("schedule: end equal to start", "POST", Shifts, Shift("\"plannedEnd\":\"2026-11-23T02:30:00Z\""),
            JsonType, 422, "shift_end_not_after_start", "plannedEnd"),
        new("schedule: twelve hours and a minute", "POST", Shifts, Shift("\"plannedEnd\":\"2026-11-23T14:31:00Z\""),
            JsonType, 422, "shift_too_long", "plannedEnd"),
        new("schedule: already over", "POST", Shifts,
            Shift("\"plannedStart\":\"2026-11-22T02:30:00Z\",\"plannedEnd\":\"2026-11-22T05:30:00Z\""), JsonType, 422,
            "shift_already_over", "plannedEnd"),
        new("schedule: 91 days ahead", "POST", Shifts,
            Shift("\"plannedStart\":\"2027-02-22T02:30:00Z\",\"plannedEnd\":\"2027-02-22T05:30:00Z\""), JsonType, 422,
            "shift_too_far_ahead", "plannedStart"),
        new("schedule: unknown community", "POST", Shifts, Shift("\"community\":\"nowhere\""), JsonType, 404,
            "community_not_found", "community"),
        new("schedule: unknown activity", "POST", Shifts, Shift("\"activityCode\":\"ZZ99\""), JsonType, 422,
            "unknown_activity", "activityCode"),
        new("schedule: activity not valued per hour", "POST", Shifts, Shift("\"activityCode\":\"CB02\""), JsonType,
            422, "activity_not_timed", "activityCode"),
        new("schedule: unknown team", "POST", Shifts, Shift($"\"teamId\":\"{NoSuchShift}\""), JsonType, 404,
            "patrol_team_not_found", "teamId"),
        // Another community's team is out of this clerk's reach: it answers like a team that does not exist.
        new("schedule: team of another community", "POST", Shifts, Shift($"\"teamId\":\"{ForeignTeam}\""), JsonType,
            404, "patrol_team_not_found", "teamId"),
        new("schedule: blank area", "POST", Shifts, Shift("\"area\":\"  \""), JsonType, 422, "required", "area"),
        new("schedule: area with a mobile number", "POST", Shifts, Shift("\"area\":\"联系 138 1234 5678 集合\""),
            JsonType, 422, "personal_data_not_allowed", "area"),
        new("schedule: area over 200 characters", "POST", Shifts, Shift($"\"area\":\"{new string('路', 201)}\""),
            JsonType, 422, "too_long", "area"),
        new("schedule: shift id already used", "POST", Shifts, Shift($"\"shiftId\":\"{OpenShift}\""), JsonType, 409,
            "patrol_shift_exists", "shiftId"),

        // ---- GET /api/patrol-shifts/{shiftId} ------------------------------------------------------------------
        new("shift: id not a UUID", "GET", $"{Shifts}/shift-1", null, null, 404, "patrol_shift_not_found", null),
        new("shift: unknown id", "GET", $"{Shifts}/{NoSuchShift}", null, null, 404, "patrol_shift_not_found", null),

        // ---- POST /api/patrol-shifts/{shiftId}/check-ins -------------------------------------------------------
        new("check-in: missing volunteerId", "POST", $"{Shifts}/{OpenShift}/check-ins", "{}", JsonType, 400,
            "required", "volunteerId"),
        new("check-in: volunteerId not a UUID", "POST", $"{Shifts}/{OpenShift}/check-ins",
            """{"volunteerId":"zhang"}""", JsonType, 400, "invalid_value", "volunteerId"),
        new("check-in: code as a number", "POST", $"{Shifts}/{OpenShift}/check-ins",
            $$"""{"volunteerId":"{{V1}}","code":123456}""", JsonType, 400, "invalid_value", "code"),
        new("check-in: wrong code", "POST", $"{Shifts}/{OpenShift}/check-ins",
            $$"""{"volunteerId":"{{V1}}","code":"12345"}""", JsonType, 422, "wrong_check_in_code", "code"),
        new("check-in: empty code", "POST", $"{Shifts}/{OpenShift}/check-ins",
            $$"""{"volunteerId":"{{V1}}","code":""}""", JsonType, 422, "wrong_check_in_code", "code"),
        new("check-in: unknown volunteer", "POST", $"{Shifts}/{OpenShift}/check-ins",
            $$"""{"volunteerId":"{{NoSuchVolunteer}}"}""", JsonType, 404, "volunteer_not_found", "volunteerId"),
        new("check-in: volunteer of another community", "POST", $"{Shifts}/{OpenShift}/check-ins",
            $$"""{"volunteerId":"{{ForeignVolunteer}}"}""", JsonType, 422, "volunteer_not_in_community",
            "volunteerId"),
        new("check-in: shift id not a UUID", "POST", $"{Shifts}/shift-1/check-ins", $$"""{"volunteerId":"{{V1}}"}""",
            JsonType, 404, "patrol_shift_not_found", null),
        new("check-in: unknown shift", "POST", $"{Shifts}/{NoSuchShift}/check-ins", $$"""{"volunteerId":"{{V1}}"}""",
            JsonType, 404, "patrol_shift_not_found", null),
        new("check-in: closed shift", "POST", $"{Shifts}/{ClosedShift}/check-ins", $$"""{"volunteerId":"{{V1}}"}""",
            JsonType, 409, "patrol_shift_closed", null),

        // ---- POST /api/patrol-shifts/{shiftId}/check-outs ------------------------------------------------------
        new("check-out: no body at all", "POST", $"{Shifts}/{OpenShift}/check-outs", null, null, 400,
            "malformed_json", null),
        new("check-out: never checked in", "POST", $"{Shifts}/{OpenShift}/check-outs",
            $$"""{"volunteerId":"{{V1}}"}""", JsonType, 409, "not_checked_in", "volunteerId"),
        new("check-out: closed shift", "POST", $"{Shifts}/{ClosedShift}/check-outs", $$"""{"volunteerId":"{{V1}}"}""",
            JsonType, 409, "patrol_shift_closed", null),

        // ---- POST /api/patrol-shifts/{shiftId}/incidents -------------------------------------------------------
        new("incident: unknown kind", "POST", $"{Shifts}/{OpenShift}/incidents", Incident(kind: "\"fire\""), JsonType,
            400, "invalid_value", "kind"),
        new("incident: kind as an integer", "POST", $"{Shifts}/{OpenShift}/incidents", Incident(kind: "1"), JsonType,
            400, "invalid_value", "kind"),
        new("incident: missing description", "POST", $"{Shifts}/{OpenShift}/incidents", """{"kind":"other"}""",
            JsonType, 400, "required", "description"),
        new("incident: blank description", "POST", $"{Shifts}/{OpenShift}/incidents", Incident(description: "\" \""),
            JsonType, 422, "required", "description"),
        new("incident: description with a mobile number", "POST", $"{Shifts}/{OpenShift}/incidents",
            Incident(description: "\"当事人电话+86 138-1234-5678\""), JsonType, 422, "personal_data_not_allowed",
            "description"),
        new("incident: description with an ID-card number", "POST", $"{Shifts}/{OpenShift}/incidents",
            Incident(description: "\"当事人身份证 33078119900101123X\""), JsonType, 422, "personal_data_not_allowed",
            "description"),
        new("incident: description over 500 characters", "POST", $"{Shifts}/{OpenShift}/incidents",
            Incident(description: $"\"{new string('记', 501)}\""), JsonType, 422, "too_long", "description"),
        new("incident: closed shift", "POST", $"{Shifts}/{ClosedShift}/incidents", Incident(), JsonType, 409,
            "patrol_shift_closed", null),

        // ---- POST /api/patrol-shifts/{shiftId}/close -----------------------------------------------------------
        new("close: missing creditNow", "POST", $"{Shifts}/{OpenShift}/close", "{}", JsonType, 400, "required",
            "creditNow"),
        new("close: creditNow as a string", "POST", $"{Shifts}/{OpenShift}/close", """{"creditNow":"yes"}""",
            JsonType, 400, "invalid_value", "creditNow"),
        new("close: unknown shift", "POST", $"{Shifts}/{NoSuchShift}/close", """{"creditNow":true}""", JsonType, 404,
            "patrol_shift_not_found", null),
        new("close: already closed", "POST", $"{Shifts}/{ClosedShift}/close", """{"creditNow":true}""", JsonType, 409,
            "patrol_shift_closed", null),

        // ---- patrol teams --------------------------------------------------------------------------------------
        new("team: no organizer", "POST", Teams, TeamBody("\"organizerIds\":[]"), JsonType, 422, "organizer_required",
            "organizerIds"),
        new("team: missing organizerIds", "POST", Teams, TeamBody(without: "organizerIds"), JsonType, 400, "required",
            "organizerIds"),
        new("team: volunteer listed twice", "POST", Teams, TeamBody($"\"memberIds\":[\"{V1}\",\"{V9}\"]"), JsonType,
            422, "duplicate_volunteer", "memberIds"),
        new("team: unknown member", "POST", Teams, TeamBody($"\"memberIds\":[\"{NoSuchVolunteer}\"]"), JsonType, 404,
            "volunteer_not_found", "memberIds"),
        new("team: organizer of another community", "POST", Teams,
            TeamBody($"\"organizerIds\":[\"{ForeignVolunteer}\"]"), JsonType, 422, "volunteer_not_in_community",
            "organizerIds"),
        new("team: blank name", "POST", Teams, TeamBody("\"name\":\"\""), JsonType, 422, "required", "name"),
        new("team: name with a mobile number", "POST", Teams, TeamBody("\"name\":\"夜巡队13812345678\""), JsonType,
            422, "personal_data_not_allowed", "name"),
        new("team: unknown community", "POST", Teams, TeamBody("\"community\":\"nowhere\""), JsonType, 404,
            "community_not_found", "community"),
        new("team: id already used", "POST", Teams, TeamBody($"\"teamId\":\"{Team}\""), JsonType, 409,
            "patrol_team_exists", "teamId"),
        new("team: id not a UUID", "GET", $"{Teams}/team-1", null, null, 404, "patrol_team_not_found", null),
        new("join: unknown team", "POST", $"{Teams}/{NoSuchShift}/members", $$"""{"volunteerId":"{{V9}}"}""",
            JsonType, 404, "patrol_team_not_found", null),
        new("join: already on the team", "POST", $"{Teams}/{Team}/members", $$"""{"volunteerId":"{{V1}}"}""",
            JsonType, 409, "already_team_member", "volunteerId"),
        new("join: unknown role", "POST", $"{Teams}/{Team}/members", $$"""{"volunteerId":"{{V9}}","role":"captain"}""",
            JsonType, 400, "invalid_value", "role"),
        new("join: unknown volunteer", "POST", $"{Teams}/{Team}/members", $$"""{"volunteerId":"{{NoSuchVolunteer}}"}""",
            JsonType, 404, "volunteer_not_found", "volunteerId"),
        new("join: volunteer of another community", "POST", $"{Teams}/{Team}/members",
            $$"""{"volunteerId":"{{ForeignVolunteer}}"}""", JsonType, 422, "volunteer_not_in_community",
            "volunteerId"),

        // ---- GET /api/communities/{communityId}/patrol-shifts --------------------------------------------------
        new("list: from is not a date", "GET", $"{List}?from=23/11/2026", null, null, 400, "invalid_value", "from"),
        new("list: to before from", "GET", $"{List}?from=2026-11-24&to=2026-11-23", null, null, 400,
            "invalid_date_range", "to"),
        new("list: pageSize 101", "GET", $"{List}?pageSize=101", null, null, 400, "page_size_out_of_range",
            "pageSize"),
        new("list: unknown community", "GET", "/api/communities/nowhere/patrol-shifts", null, null, 404,
            "community_not_found", null),
    ];

    public static IEnumerable<object[]> Cases => BadInputCase.Cases(nameof(when_patrol_input_is_bad));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task is_refused_with_a_problem_and_appends_nothing(BadInputCase @case)
    {
        var (url, body) = await Arrange(@case.Url, @case.Body);
        var before = await EventCount();

        using var response = await Send(new HttpMethod(@case.Method), url, body, contentType: @case.ContentType ?? JsonType);

        await response.ShouldBeProblem(@case.Status, @case.Code, @case.Field);
        (await EventCount()).ShouldBe(before, $"{@case.Name}: a refused request must append no event");
    }

    [Fact]
    public void the_table_has_distinct_names_and_enough_cases()
    {
        Table.Count.ShouldBeGreaterThanOrEqualTo(12);
        Table.Select(c => c.Name).ShouldBeUnique();
    }

    /// <summary>Creates the state a row's placeholders name, through the API, and puts the ids in place.</summary>
    private async Task<(string Url, string? Body)> Arrange(string url, string? body)
    {
        var text = url + "\n" + body;
        if (text.Contains(OpenShift))
            text = text.Replace(OpenShift, (await ScheduleShift()).ShiftId.ToString());
        if (text.Contains(ClosedShift))
        {
            var shift = await ScheduleShift();
            await Closed(shift.ShiftId, creditNow: false);
            text = text.Replace(ClosedShift, shift.ShiftId.ToString());
        }
        if (text.Contains(ForeignTeam) || text.Contains(ForeignVolunteer))
        {
            var outsider = await ForeignCommunityWithVolunteer();
            var formed = await Post("/api/patrol-teams", new FormPatrolTeamRequest("meihua", "梅花社区巡防队", [outsider]),
                user: TestUsers.Admin());
            formed.ShouldBe(HttpStatusCode.Created);
            text = text.Replace(ForeignVolunteer, outsider.ToString())
                .Replace(ForeignTeam, (await Read<PatrolTeamFormed>(formed)).TeamId.ToString());
        }
        var parts = text.Split('\n', 2);
        return (parts[0], body is null ? null : parts[1]);
    }
}
