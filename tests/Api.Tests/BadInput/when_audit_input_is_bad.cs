using QunTuan.Api.Tests.Infrastructure;

namespace QunTuan.Api.Tests.BadInput;

/// <summary>
/// The audit routes' table of requests the API must refuse, in the shape of <see cref="when_input_is_bad"/>: each
/// row says what comes back (status, problem <c>code</c>, the <c>field</c> at fault) and proves the refusal appended
/// nothing. Rows run as an administrator, so access never decides them.
/// </summary>
public sealed class when_audit_input_is_bad(AppFixture fixture) : Scenarios(fixture)
{
    private const string JsonType = "application/json";
    private const string Zhang = "00000000-0000-7000-8000-000000000001";
    private const string NoSuchVolunteer = "00000000-0000-7000-8000-000000000099";
    private const string NoSuchThing = "0196a1b2-0000-7000-8000-00000000a0d1";
    private const string BalanceUrl = $"/api/volunteers/{Zhang}/balance";
    private const string Statement = $"/api/volunteers/{Zhang}/statement";
    private const string Trail = $"/api/audit/streams/{Zhang}/events";
    private const string CommunityTrail = "/api/audit/communities/lanhua/events";
    private const string Certificates = $"/api/volunteers/{Zhang}/certificates";

    public static readonly IReadOnlyList<BadInputCase> Table =
    [
        // ---- as of ---------------------------------------------------------------------------------------------
        new("as of: not an instant", "GET", $"{BalanceUrl}?asOf=30/06/2026", null, null, 400, "invalid_instant", "asOf"),
        new("as of: an instant without its zone", "GET", $"{BalanceUrl}?asOf=2026-06-30T10:00:00", null, null, 400,
            "invalid_instant", "asOf"),
        new("as of: both an instant and a version", "GET", $"{BalanceUrl}?asOf=2026-11-23&version=1", null, null, 400,
            "as_of_and_version", "version"),
        new("as of: version zero", "GET", $"{BalanceUrl}?version=0", null, null, 400, "invalid_version", "version"),
        new("as of: version not a number", "GET", $"{Statement}?version=two", null, null, 400, "invalid_version",
            "version"),
        new("as of: a version the account never reached", "GET", $"{BalanceUrl}?version=99", null, null, 422,
            "version_not_reached", "version"),
        new("as of: before the volunteer registered", "GET", $"{Statement}?asOf=2025-12-31", null, null, 404,
            "volunteer_not_found", null),
        new("as of: an unknown volunteer", "GET", $"/api/volunteers/{NoSuchVolunteer}/balance?version=1", null, null,
            404, "volunteer_not_found", null),

        // ---- trails --------------------------------------------------------------------------------------------
        new("trail: from is not an instant", "GET", $"{Trail}?from=yesterday", null, null, 400, "invalid_instant",
            "from"),
        new("trail: to before from", "GET", $"{CommunityTrail}?from=2026-11-23&to=2026-11-01", null, null, 400,
            "period_reversed", "to"),
        new("trail: an unknown event type", "GET", $"{Trail}?type=points_credited,points_stolen", null, null, 400,
            "unknown_event_type", "type"),
        new("trail: an unknown format", "GET", $"{CommunityTrail}?format=xlsx", null, null, 400, "unknown_format",
            "format"),
        new("trail: page size over 100", "GET", $"{Trail}?pageSize=101", null, null, 400, "page_size_out_of_range",
            "pageSize"),
        new("trail: a stream id that is no id", "GET", "/api/audit/streams/abc/events", null, null, 404,
            "stream_not_found", null),
        new("trail: a stream that does not exist", "GET", $"/api/audit/streams/{NoSuchThing}/events", null, null, 404,
            "stream_not_found", null),
        new("trail: an unknown community", "GET", "/api/audit/communities/zhuhua/events", null, null, 404,
            "community_not_found", null),

        // ---- certificates --------------------------------------------------------------------------------------
        new("certificate: period ends before it starts", "POST", Certificates,
            """{"from":"2026-11-23","to":"2026-11-01"}""", JsonType, 422, "period_reversed", "to"),
        new("certificate: period ends in the future", "POST", Certificates,
            """{"from":"2026-11-01","to":"2026-11-24"}""", JsonType, 422, "period_in_future", "to"),
        new("certificate: missing from", "POST", Certificates, """{"to":"2026-11-23"}""", JsonType, 400, "required",
            "from"),
        new("certificate: a date with a time", "POST", Certificates,
            """{"from":"2026-11-01T00:00:00Z","to":"2026-11-23"}""", JsonType, 400, "invalid_value", "from"),
        new("certificate: a field of no meaning", "POST", Certificates,
            """{"from":"2026-11-01","to":"2026-11-23","points":999}""", JsonType, 400, "unknown_field", "points"),
        new("certificate: an unknown volunteer", "POST", $"/api/volunteers/{NoSuchVolunteer}/certificates",
            """{"from":"2026-11-01","to":"2026-11-23"}""", JsonType, 404, "volunteer_not_found", null),
        new("certificate: verifying one that does not exist", "GET", $"/api/certificates/{NoSuchThing}/verify", null,
            null, 404, "certificate_not_found", null),
        new("certificate: verifying something that is no id", "GET", "/api/certificates/GB-2026-001/verify", null,
            null, 404, "certificate_not_found", null),

        // ---- store-wide ----------------------------------------------------------------------------------------
        new("replay: one that never ran", "GET", $"/api/audit/replays/{NoSuchThing}", null, null, 404,
            "replay_not_found", null),
        new("invariants: a sample of zero", "GET", "/api/audit/invariants?sample=0", null, null, 400,
            "sample_out_of_range", "sample"),
    ];

    public static IEnumerable<object[]> Cases => BadInputCase.Cases(nameof(when_audit_input_is_bad));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task is_refused_with_a_problem_and_appends_nothing(BadInputCase @case)
    {
        var before = await EventCount();

        using var response = await Send(new HttpMethod(@case.Method), @case.Url, @case.Body,
            contentType: @case.ContentType ?? JsonType, user: TestUsers.Admin());

        await response.ShouldBeProblem(@case.Status, @case.Code, @case.Field);
        (await EventCount()).ShouldBe(before, $"{@case.Name}: a refused request must append no event");
    }

    [Fact]
    public void the_table_has_distinct_names_and_enough_cases()
    {
        Table.Count.ShouldBeGreaterThanOrEqualTo(20);
        Table.Select(c => c.Name).ShouldBeUnique();
    }
}
