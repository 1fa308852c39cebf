using System.Net;
using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.BadInput;

/// <summary>
/// One table of requests the API must refuse. Each row says what comes back (status, problem <c>code</c>, the
/// <c>field</c> at fault) and every row also proves the refusal wrote nothing: the event count is unchanged.
/// Rows needing state name it with a placeholder in the URL (<c>{pending}</c>, <c>{credited}</c>,
/// <c>{rejected}</c>); the test creates it before it counts events, so arranging does not count.
/// </summary>
public sealed class when_input_is_bad(AppFixture fixture) : Scenarios(fixture)
{
    private const string Pending = "{pending}";
    private const string Credited = "{credited}";
    private const string Rejected = "{rejected}";

    private const string JsonType = "application/json";
    private const string V1 = "00000000-0000-7000-8000-000000000001";
    private const string V3 = "00000000-0000-7000-8000-000000000003";
    private const string NoSuchVolunteer = "00000000-0000-7000-8000-000000000099";
    private const string NoSuchRecord = "0196a1b2-0000-7000-8000-00000000beef";

    // Today is 2026-11-23 in Asia/Shanghai (AppFactory.DefaultNow); every seeded rule starts 2025-01-01.
    private const string Yesterday = "2026-11-22";

    private const string Records = "/api/service-records";
    private const string Queue = "/api/communities/lanhua/service-records";

    /// <summary>A valid submission of CB02 (per occasion, 20 points) by volunteer 1 for yesterday, with
    /// <paramref name="fields"/> added or replacing the defaults and the fields named in <paramref name="without"/>
    /// left out.</summary>
    private static string Submission(string fields = "", params string[] without)
    {
        var parts = new List<(string Key, string Value)>
        {
            ("volunteerId", $"\"{V1}\""),
            ("activityCode", "\"CB02\""),
            ("serviceDate", $"\"{Yesterday}\"")
        };
        parts.RemoveAll(p => without.Contains(p.Key) || fields.Contains($"\"{p.Key}\":"));
        var body = string.Join(",", parts.Select(p => $"\"{p.Key}\":{p.Value}"));
        if (fields.Length > 0) body = body.Length > 0 ? body + "," + fields : fields;
        return "{" + body + "}";
    }

    private static string Community(string code = "\"meihua\"", string residents = "5000") =>
        $$"""{"code":{{code}},"nameZh":"梅花社区","nameEn":"Meihua Community","city":"兰溪市","street":"兰江街道","permanentResidents":{{residents}}}""";

    private static string Activity(string rule, string code = "CB11", string category = "CB") =>
        $$"""{"code":"{{code}}","categoryCode":"{{category}}","nameZh":"测试活动","nameEn":"Test activity","unit":"次 session","ruleEffectiveFrom":"2026-12-01","rule":{{rule}}}""";

    private const string PerOccasionRule = """{"kind":"per_occasion","points":10,"standardMinutes":60}""";

    private static string NewRule(string effectiveFrom = "2026-12-01",
        string rule = """{"kind":"per_hour","points":12,"standardMinutes":180,"minimumMinutes":60}""",
        string reason = "\"街道调整分值\"") =>
        $$"""{"effectiveFrom":"{{effectiveFrom}}","rule":{{rule}},"reason":{{reason}}}""";

    public static readonly IReadOnlyList<BadInputCase> Table =
    [
        // ---- POST /api/service-records: the JSON itself ------------------------------------------------------
        new("submit: malformed JSON", "POST", Records, """{"volunteerId":""", JsonType, 400, "malformed_json", null),
        new("submit: empty body", "POST", Records, "", JsonType, 400, "malformed_json", null),
        new("submit: no body at all", "POST", Records, null, null, 400, "malformed_json", null),
        new("submit: JSON null as the body", "POST", Records, "null", JsonType, 400, "malformed_json", null),
        new("submit: JSON array as the body", "POST", Records, "[]", JsonType, 400, "malformed_json", null),
        new("submit: body is not JSON content type", "POST", Records, Submission(), "text/plain", 415,
            "unsupported_media_type", null),
        new("submit: missing volunteerId", "POST", Records, Submission(without: "volunteerId"), JsonType, 400,
            "required", "volunteerId"),
        new("submit: missing serviceDate", "POST", Records, Submission(without: "serviceDate"), JsonType, 400,
            "required", "serviceDate"),
        new("submit: null activityCode", "POST", Records, Submission("\"activityCode\":null"), JsonType, 400,
            "required", "activityCode"),
        // A null for a number is a value of the wrong type: System.Text.Json reports it like one.
        new("submit: null occasions (a number)", "POST", Records, Submission("\"occasions\":null"), JsonType, 400,
            "invalid_value", "occasions"),
        new("submit: durationMinutes of the wrong type", "POST", Records, Submission("\"durationMinutes\":true"),
            JsonType, 400, "invalid_value", "durationMinutes"),
        new("submit: occasions as a string", "POST", Records, Submission("\"occasions\":\"2\""), JsonType, 400,
            "invalid_value", "occasions"),
        new("submit: fractional durationMinutes", "POST", Records,
            Submission("\"activityCode\":\"CB01\",\"durationMinutes\":90.5"), JsonType, 400, "invalid_value",
            "durationMinutes"),
        new("submit: volunteerId not a UUID", "POST", Records, Submission($"\"volunteerId\":\"zhang\""), JsonType, 400,
            "invalid_value", "volunteerId"),
        new("submit: unknown field", "POST", Records, Submission("\"points\":500"), JsonType, 400, "unknown_field",
            "points"),
        new("submit: impossible date 2026-13-01", "POST", Records, Submission("\"serviceDate\":\"2026-13-01\""),
            JsonType, 400, "invalid_value", "serviceDate"),
        new("submit: date with a time", "POST", Records, Submission("\"serviceDate\":\"2026-11-22T09:00:00Z\""),
            JsonType, 400, "invalid_value", "serviceDate"),

        // ---- POST /api/service-records: the rules -------------------------------------------------------------
        new("submit: service date tomorrow", "POST", Records, Submission("\"serviceDate\":\"2026-11-24\""), JsonType,
            422, "service_date_in_future", "serviceDate"),
        new("submit: service date 367 days ago", "POST", Records, Submission("\"serviceDate\":\"2025-11-21\""),
            JsonType, 422, "service_date_too_old", "serviceDate"),
        new("submit: unknown activity code", "POST", Records, Submission("\"activityCode\":\"ZZ99\""), JsonType, 422,
            "unknown_activity", "activityCode"),
        new("submit: unknown volunteer", "POST", Records, Submission($"\"volunteerId\":\"{NoSuchVolunteer}\""),
            JsonType, 404, "volunteer_not_found", "volunteerId"),
        new("submit: unknown volunteer, verified at once", "POST", Records,
            Submission($"\"volunteerId\":\"{NoSuchVolunteer}\",\"verifyNow\":true"), JsonType, 404,
            "volunteer_not_found", "volunteerId"),
        new("submit: per-hour below the 60-minute minimum", "POST", Records,
            Submission("\"activityCode\":\"CB01\",\"durationMinutes\":59"), JsonType, 422, "duration_below_minimum",
            "durationMinutes"),
        new("submit: negative duration", "POST", Records,
            Submission("\"activityCode\":\"CB01\",\"durationMinutes\":-30"), JsonType, 422, "duration_out_of_range",
            "durationMinutes"),
        new("submit: absurd duration 100000", "POST", Records,
            Submission("\"activityCode\":\"CB01\",\"durationMinutes\":100000"), JsonType, 422, "duration_out_of_range",
            "durationMinutes"),
        new("submit: per-hour without duration", "POST", Records, Submission("\"activityCode\":\"CB01\""), JsonType,
            422, "duration_required", "durationMinutes"),
        new("submit: per-hour with two occasions", "POST", Records,
            Submission("\"activityCode\":\"CB01\",\"durationMinutes\":120,\"occasions\":2"), JsonType, 422,
            "occasions_not_allowed", "occasions"),
        new("submit: zero occasions", "POST", Records, Submission("\"occasions\":0"), JsonType, 422,
            "occasions_out_of_range", "occasions"),
        new("submit: 21 occasions", "POST", Records, Submission("\"occasions\":21"), JsonType, 422,
            "occasions_out_of_range", "occasions"),
        new("submit: per-visit with 21 occasions", "POST", Records,
            Submission("\"activityCode\":\"PV01\",\"occasions\":21"), JsonType, 422, "occasions_out_of_range",
            "occasions"),
        new("submit: note with a mobile number", "POST", Records, Submission("\"note\":\"联系人电话13812345678\""),
            JsonType, 422, "personal_data_not_allowed", "note"),
        new("submit: note with an ID-card number", "POST", Records,
            Submission("\"note\":\"身份证330781199001011234\""), JsonType, 422, "personal_data_not_allowed", "note"),
        new("submit: note over 500 characters", "POST", Records, Submission($"\"note\":\"{new string('记', 501)}\""),
            JsonType, 422, "too_long", "note"),

        // ---- verify / reject / reversal -----------------------------------------------------------------------
        new("verify: id not a UUID", "POST", $"{Records}/not-a-uuid/verify", null, null, 404,
            "service_record_not_found", null),
        new("verify: unknown record", "POST", $"{Records}/{NoSuchRecord}/verify", null, null, 404,
            "service_record_not_found", null),
        new("verify: already credited", "POST", $"{Records}/{Credited}/verify", null, null, 409,
            "record_already_verified", null),
        new("verify: rejected record", "POST", $"{Records}/{Rejected}/verify", null, null, 409,
            "record_rejected", null),
        new("reject: id not a UUID", "POST", $"{Records}/not-a-uuid/reject", """{"reason":"无此服务"}""", JsonType,
            404, "service_record_not_found", null),
        new("reject: unknown record", "POST", $"{Records}/{NoSuchRecord}/reject", """{"reason":"无此服务"}""",
            JsonType, 404, "service_record_not_found", null),
        new("reject: without reason", "POST", $"{Records}/{Pending}/reject", "{}", JsonType, 400, "required",
            "reason"),
        new("reject: blank reason", "POST", $"{Records}/{Pending}/reject", """{"reason":"   "}""", JsonType, 422,
            "required", "reason"),
        new("reject: reason with a mobile number", "POST", $"{Records}/{Pending}/reject",
            """{"reason":"请联系13812345678核实"}""", JsonType, 422, "personal_data_not_allowed", "reason"),
        new("reject: already credited", "POST", $"{Records}/{Credited}/reject", """{"reason":"无此服务"}""",
            JsonType, 409, "record_already_verified", null),
        new("reversal: id not a UUID", "POST", $"{Records}/not-a-uuid/reversal",
            """{"reason":"entry_error","note":"录入错误"}""", JsonType, 404, "service_record_not_found", null),
        new("reversal: unknown record", "POST", $"{Records}/{NoSuchRecord}/reversal",
            """{"reason":"entry_error","note":"录入错误"}""", JsonType, 404, "service_record_not_found", null),
        new("reversal: unknown reason value", "POST", $"{Records}/{Credited}/reversal",
            """{"reason":"whim","note":"录入错误"}""", JsonType, 400, "invalid_value", "reason"),
        new("reversal: reason as an integer", "POST", $"{Records}/{Credited}/reversal",
            """{"reason":0,"note":"录入错误"}""", JsonType, 400, "invalid_value", "reason"),
        new("reversal: missing note", "POST", $"{Records}/{Credited}/reversal", """{"reason":"entry_error"}""",
            JsonType, 400, "required", "note"),
        new("reversal: goodwill is no reason to reverse", "POST", $"{Records}/{Credited}/reversal",
            """{"reason":"goodwill","note":"录入错误"}""", JsonType, 422, "goodwill_cannot_reverse", "reason"),
        new("reversal: of a pending record", "POST", $"{Records}/{Pending}/reversal",
            """{"reason":"entry_error","note":"录入错误"}""", JsonType, 409, "record_not_credited", null),

        // ---- POST /api/volunteers/{id}/adjustments ------------------------------------------------------------
        new("adjust: JSON null as the body", "POST", $"/api/volunteers/{V1}/adjustments", "null", JsonType, 400,
            "malformed_json", null),
        new("adjust: zero points", "POST", $"/api/volunteers/{V1}/adjustments",
            """{"points":0,"reason":"entry_error","note":"更正"}""", JsonType, 422, "adjustment_out_of_range", "points"),
        new("adjust: 10001 points", "POST", $"/api/volunteers/{V1}/adjustments",
            """{"points":10001,"reason":"goodwill","note":"表彰"}""", JsonType, 422, "adjustment_out_of_range",
            "points"),
        new("adjust: negative goodwill", "POST", $"/api/volunteers/{V1}/adjustments",
            """{"points":-5,"reason":"goodwill","note":"更正"}""", JsonType, 422, "goodwill_must_be_positive", "reason"),
        new("adjust: missing note", "POST", $"/api/volunteers/{V1}/adjustments",
            """{"points":5,"reason":"goodwill"}""", JsonType, 400, "required", "note"),
        new("adjust: blank note", "POST", $"/api/volunteers/{V1}/adjustments",
            """{"points":5,"reason":"goodwill","note":"  "}""", JsonType, 422, "required", "note"),
        new("adjust: reason as an integer", "POST", $"/api/volunteers/{V1}/adjustments",
            """{"points":5,"reason":3,"note":"表彰"}""", JsonType, 400, "invalid_value", "reason"),
        new("adjust: debit beyond the balance", "POST", $"/api/volunteers/{V3}/adjustments",
            """{"points":-1,"reason":"entry_error","note":"更正"}""", JsonType, 409, "insufficient_balance", "points"),
        new("adjust: unknown volunteer", "POST", $"/api/volunteers/{NoSuchVolunteer}/adjustments",
            """{"points":5,"reason":"goodwill","note":"表彰"}""", JsonType, 404, "volunteer_not_found", null),
        new("adjust: volunteer id not a UUID", "POST", "/api/volunteers/zhang/adjustments",
            """{"points":5,"reason":"goodwill","note":"表彰"}""", JsonType, 404, "volunteer_not_found", null),

        // ---- POST /api/communities ----------------------------------------------------------------------------
        new("community: code with a space", "POST", "/api/communities", Community("\"Lan Hua\""), JsonType, 422,
            "invalid_community_code", "code"),
        new("community: code starting with a digit", "POST", "/api/communities", Community("\"9hua\""), JsonType, 422,
            "invalid_community_code", "code"),
        new("community: code already taken", "POST", "/api/communities", Community("\"lanhua\""), JsonType, 409,
            "community_code_taken", "code"),
        new("community: code taken, in capitals", "POST", "/api/communities", Community("\"LANHUA\""), JsonType, 409,
            "community_code_taken", "code"),
        new("community: zero residents", "POST", "/api/communities", Community(residents: "0"), JsonType, 422,
            "residents_out_of_range", "permanentResidents"),
        new("community: blank city", "POST", "/api/communities", Community().Replace("\"city\":\"兰溪市\"", "\"city\":\" \""),
            JsonType, 422, "required", "city"),
        new("community: name with a phone number", "POST", "/api/communities",
            Community().Replace("梅花社区", "梅花社区 13812345678"), JsonType, 422, "personal_data_not_allowed", "nameZh"),
        new("community: missing nameZh", "POST", "/api/communities", Community().Replace("\"nameZh\":\"梅花社区\",", ""),
            JsonType, 400, "required", "nameZh"),

        // ---- POST /api/communities/{id}/volunteers ------------------------------------------------------------
        new("volunteer: unknown community", "POST", "/api/communities/nowhere/volunteers",
            """{"displayName":"陈静","grid":"第一网格"}""", JsonType, 404, "community_not_found", null),
        new("volunteer: blank displayName", "POST", "/api/communities/lanhua/volunteers",
            """{"displayName":"  ","grid":"第一网格"}""", JsonType, 422, "required", "displayName"),
        new("volunteer: displayName with a phone number", "POST", "/api/communities/lanhua/volunteers",
            """{"displayName":"陈静13812345678","grid":"第一网格"}""", JsonType, 422, "personal_data_not_allowed",
            "displayName"),
        new("volunteer: displayName over 40 characters", "POST", "/api/communities/lanhua/volunteers",
            $$"""{"displayName":"{{new string('静', 41)}}","grid":"第一网格"}""", JsonType, 422, "too_long",
            "displayName"),
        new("volunteer: missing grid", "POST", "/api/communities/lanhua/volunteers", """{"displayName":"陈静"}""",
            JsonType, 400, "required", "grid"),
        new("volunteer: affiliation not in the list", "POST", "/api/communities/lanhua/volunteers",
            """{"displayName":"陈静","grid":"第一网格","affiliations":["rotary_club"]}""", JsonType, 400,
            "invalid_value", "affiliations[0]"),

        // ---- POST /api/activities and /api/activities/{code}/rules --------------------------------------------
        new("activity: unknown category", "POST", "/api/activities", Activity(PerOccasionRule, category: "XX"),
            JsonType, 422, "unknown_category", "categoryCode"),
        new("activity: code with punctuation", "POST", "/api/activities", Activity(PerOccasionRule, code: "CB-11"),
            JsonType, 422, "invalid_activity_code", "code"),
        new("activity: blank unit", "POST", "/api/activities",
            Activity(PerOccasionRule).Replace("\"unit\":\"次 session\"", "\"unit\":\"\""), JsonType, 422, "required", "unit"),
        new("activity: code already taken", "POST", "/api/activities", Activity(PerOccasionRule, code: "cb01"),
            JsonType, 409, "activity_code_taken", "code"),
        new("activity: per-hour without minimumMinutes", "POST", "/api/activities",
            Activity("""{"kind":"per_hour","points":10,"standardMinutes":60}"""), JsonType, 422,
            "rule_minimum_minutes_required", "rule.minimumMinutes"),
        new("activity: per-visit without weeklyCap", "POST", "/api/activities",
            Activity("""{"kind":"per_visit","points":5,"standardMinutes":60}"""), JsonType, 422,
            "rule_weekly_cap_required", "rule.weeklyCap"),
        new("activity: rule kind as an integer", "POST", "/api/activities",
            Activity("""{"kind":1,"points":10,"standardMinutes":60,"minimumMinutes":60}"""), JsonType, 400,
            "invalid_value", "rule.kind"),
        new("rules: effectiveFrom not after the current version", "POST", "/api/activities/CB01/rules",
            NewRule(effectiveFrom: "2025-01-01"), JsonType, 409, "rule_effective_date_not_after_previous",
            "effectiveFrom"),
        new("rules: unknown activity", "POST", "/api/activities/ZZ99/rules", NewRule(), JsonType, 404,
            "activity_not_found", null),
        new("rules: changes how the activity is valued", "POST", "/api/activities/CB01/rules",
            NewRule(rule: PerOccasionRule), JsonType, 422, "rule_kind_change", "rule.kind"),
        new("rules: blank reason", "POST", "/api/activities/CB01/rules", NewRule(reason: "\" \""), JsonType, 422,
            "reason_required", "reason"),
        new("rules: zero points", "POST", "/api/activities/CB01/rules",
            NewRule(rule: """{"kind":"per_hour","points":0,"standardMinutes":180,"minimumMinutes":60}"""), JsonType, 422,
            "rule_points_out_of_range", "rule.points"),

        // ---- reads with parameters ----------------------------------------------------------------------------
        new("queue: page 0", "GET", $"{Queue}?page=0", null, null, 400, "page_out_of_range", "page"),
        new("queue: pageSize 101", "GET", $"{Queue}?pageSize=101", null, null, 400, "page_size_out_of_range",
            "pageSize"),
        new("queue: page=abc", "GET", $"{Queue}?page=abc", null, null, 400, "invalid_value", "page"),
        new("queue: unknown status", "GET", $"{Queue}?status=unknown", null, null, 400, "unknown_status", "status"),
        new("queue: status as a number", "GET", $"{Queue}?status=1", null, null, 400, "unknown_status", "status"),
        new("queue: unknown community", "GET", "/api/communities/nowhere/service-records", null, null, 404,
            "community_not_found", null),
        new("volunteers list: pageSize 0", "GET", "/api/communities/lanhua/volunteers?pageSize=0", null, null, 400,
            "page_size_out_of_range", "pageSize"),
        new("statement: page -1", "GET", $"/api/volunteers/{V1}/statement?page=-1", null, null, 400,
            "page_out_of_range", "page"),
        new("statement: pageSize=ten", "GET", $"/api/volunteers/{V1}/statement?pageSize=ten", null, null, 400,
            "invalid_value", "pageSize"),
        new("volunteer: id not a UUID", "GET", "/api/volunteers/not-a-guid", null, null, 404, "volunteer_not_found",
            null),
        new("balance: unknown volunteer", "GET", $"/api/volunteers/{NoSuchVolunteer}/balance", null, null, 404,
            "volunteer_not_found", null),
        new("record: id not a UUID", "GET", $"{Records}/not-a-guid", null, null, 404, "service_record_not_found",
            null),
        new("activity: unknown code", "GET", "/api/activities/ZZ99", null, null, 404, "activity_not_found", null),
        new("unknown route", "GET", "/api/no-such-thing", null, null, 404, "not_found", null),
        new("method not allowed", "DELETE", "/api/communities", null, null, 405, "method_not_allowed", null),

        // ---- headers ------------------------------------------------------------------------------------------
        new("Idempotency-Key with a space", "POST", Records, Submission(), JsonType, 400, "invalid_idempotency_key",
            "Idempotency-Key", idempotencyKey: "key with space"),
        new("Idempotency-Key over 255 characters", "POST", Records, Submission(), JsonType, 400,
            "invalid_idempotency_key", "Idempotency-Key", idempotencyKey: new string('k', 256)),
    ];

    public static IEnumerable<object[]> Cases => BadInputCase.Cases(nameof(when_input_is_bad));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task is_refused_with_a_problem_and_appends_nothing(BadInputCase @case)
    {
        var url = await Arrange(@case.Url);
        var before = await EventCount();

        using var response = await Send(new HttpMethod(@case.Method), url, @case.Body, @case.IdempotencyKey,
            @case.Actor, @case.ContentType ?? JsonType, RouteRules.AllowedUser(@case.Method, @case.Url));

        await response.ShouldBeProblem(@case.Status, @case.Code, @case.Field);
        (await EventCount()).ShouldBe(before, $"{@case.Name}: a refused request must append no event");
    }

    [Fact]
    public void the_table_has_distinct_names_and_enough_cases()
    {
        Table.Count.ShouldBeGreaterThanOrEqualTo(45);
        Table.Select(c => c.Name).ShouldBeUnique();
    }

    /// <summary>Creates the state a row's placeholder names, through the API, and puts its id in the URL.</summary>
    private async Task<string> Arrange(string url)
    {
        if (url.Contains(Pending))
            url = url.Replace(Pending, (await SubmitRecord(Seeded.ZhangXiaomei, "CB02", Today.PlusDays(-1))).ToString());
        if (url.Contains(Credited))
            url = url.Replace(Credited,
                (await Credit(Seeded.LiJianguo, "CB02", Today.PlusDays(-1))).RecordId.ToString());
        if (url.Contains(Rejected))
        {
            var id = await SubmitRecord(Seeded.ZhangXiaomei, "CB03", Today.PlusDays(-2));
            (await Post($"{Records}/{id}/reject", new { reason = "当天无此活动" })).ShouldBe(HttpStatusCode.OK);
            url = url.Replace(Rejected, id.ToString());
        }
        return url;
    }
}
