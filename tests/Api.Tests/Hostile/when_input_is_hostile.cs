using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using QunTuan.Api.ElderCare;
using QunTuan.Api.Infrastructure;
using QunTuan.Api.Patrols;
using QunTuan.Api.RiverGuarding;
using QunTuan.Api.Tests.Infrastructure;
using QunTuan.Api.Volunteers;
using QunTuan.Ledger.ElderCare;
using QunTuan.Ledger.RiverGuarding;
using Xunit.Abstractions;

namespace QunTuan.Api.Tests.Hostile;

/// <summary>
/// A corpus of hostile requests across every route (<see cref="HostileCorpus"/>), sent by an administrator so
/// that access rules let everything through and only input handling stands between the request and the ledger.
/// Each request must get a 4xx problem with a <c>code</c>, never a 5xx, and append nothing; afterwards the
/// store still works and no table is gone. One row per category, so a failure names the category, and within
/// it every failing route and input in one message.
/// </summary>
public sealed class when_input_is_hostile(AppFixture fixture, ITestOutputHelper output) : Scenarios(fixture)
{
    /// <summary>The 4xx answers a hostile request may get. 401 and 403 are not among them: an administrator passes
    /// every access rule, so either would mean the input confused authentication or authorization.</summary>
    private static readonly HashSet<int> Refusals = [400, 404, 405, 409, 413, 415, 422];

    /// <summary>The sign-in route answers any credentials it cannot match with 401, whatever they contain.</summary>
    private const string SignIn = "POST /api/auth/token";

    public static IEnumerable<object[]> Categories => HostileCorpus.Categories.Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task every_request_gets_a_4xx_problem_and_appends_nothing(string category)
    {
        var real = await Arrange();
        var corpus = HostileCorpus.For(category, segment => real.GetValueOrDefault(segment, HostileCorpus.Unused.ToString()));
        await using var database = new NpgsqlConnection(TestDatabase.ConnectionString);
        await database.OpenAsync();
        var tablesBefore = await Tables(database);
        var before = await Events(database);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();

        using var admin = App.ClientFor(TestUsers.Admin());
        foreach (var request in corpus)
        {
            var failure = await Check(admin, request);
            var events = await Events(database);
            if (events != before)
            {
                failure = (failure is null ? "" : failure + "; ") + $"appended {events - before} event(s)";
                before = events;
            }
            if (failure is not null) failures.Add($"{request}: {failure}");
        }
        output.WriteLine($"{category}: {corpus.Count} requests in {clock.Elapsed.TotalSeconds:F1} s");

        failures.Count.ShouldBe(0, $"{failures.Count} of {corpus.Count} hostile requests were not refused cleanly:\n" +
                                   string.Join("\n", failures));
        // Marten creates a document table the first time it stores such a document (a refused sign-in's log
        // entry, say), so tables may appear; none may go.
        tablesBefore.Except(await Tables(database)).ShouldBeEmpty("no table may be dropped by a request");
        (await Exists(database, "mt_events")).ShouldBeTrue();
        await TheStoreStillWorks(real);
    }

    [Fact]
    public void the_corpus_covers_every_route_with_every_category()
    {
        var byCategory = HostileCorpus.Categories.ToDictionary(c => c,
            c => HostileCorpus.For(c, _ => HostileCorpus.Unused.ToString()));
        var total = byCategory.Values.Sum(r => r.Count);
        output.WriteLine($"{total} requests over {HostileCorpus.Routes.Count} routes");
        foreach (var (category, requests) in byCategory)
            output.WriteLine($"  {category}: {requests.Count} requests, {requests.Select(r => r.Route).Distinct().Count()} routes");

        total.ShouldBeGreaterThanOrEqualTo(300);
        var withInput = HostileCorpus.Routes.Where(r => r.HasInput).Select(r => r.Key).ToList();
        foreach (var (category, requests) in byCategory)
        {
            var hit = requests.Select(r => r.Route).Distinct().ToHashSet();
            requests.Count.ShouldBeGreaterThanOrEqualTo(20, category);
            // A read without parameters takes no input but a body, so only oversized bodies reach all routes.
            hit.Count.ShouldBeGreaterThan(HostileCorpus.Routes.Count / 2, $"{category} reaches too few routes");
        }
        // Every route that takes any input is attacked by most categories.
        foreach (var route in withInput)
            byCategory.Count(c => c.Value.Any(r => r.Route == route))
                .ShouldBeGreaterThanOrEqualTo(byCategory.Count - 2, $"{route} is attacked by too few categories");
        // Every field of every body is sent twice in one request.
        foreach (var route in HostileCorpus.Routes.Where(r => r.HasBody))
            byCategory[HostileCorpus.DuplicateKeys].Count(r => r.Route == route.Key)
                .ShouldBeGreaterThan(route.Fields.Count(f => f.Path.Count == 1), route.Key);
        HostileCorpus.Routes.Select(r => r.Key).ShouldBe(QunTuan.Api.Access.AccessRules.All.Select(r => r.Key));
        HostileCorpus.ValidBodies.Keys.Except(HostileCorpus.Routes.Where(r => r.HasBody).Select(r => r.Key))
            .ShouldBeEmpty("every example body belongs to a route with a body");
    }

    /// <summary>The sample bodies bind, with the app's own strict JSON settings, to the endpoint's request type:
    /// so each hostile variant is refused for what was made hostile in it, not for a broken sample.</summary>
    [Fact]
    public void every_sample_body_binds_to_its_request_type()
    {
        var json = HostileCorpus.CreateAppJson();
        var withBody = HostileCorpus.Routes.Where(r => r.BodyType is not null).ToList();
        withBody.Count.ShouldBeGreaterThanOrEqualTo(25);
        foreach (var route in withBody)
            Should.NotThrow(() => JsonSerializer.Deserialize(route.Sample!.ToJsonString(), route.BodyType!, json),
                route.Key).ShouldNotBeNull(route.Key);
        // Every route that changes something and reads a body is known to the corpus, by reflection or by example.
        HostileCorpus.Routes.Where(r => r.Rule.Method != "GET" && !r.HasBody).Select(r => r.Key)
            .ShouldBe(["POST /api/service-records/{recordId}/verify", "POST /api/audit/replays",
                "POST /api/redemptions/{redemptionId}/approve", "POST /api/communities/{communityId}/points-expiry"],
                "only verify, replays, approve and the expiry sweep take no body");
    }

    /// <summary>Free text may hold anything, an injection string included: it is stored and matched as text.</summary>
    [Fact]
    public async Task an_injection_string_in_a_free_text_filter_is_only_text()
    {
        var page = await Get<ResultPage<VolunteerView>>(
            $"/api/communities/lanhua/volunteers?grid={Uri.EscapeDataString("第1网格' OR '1'='1")}");
        page.TotalCount.ShouldBe(0);
        var all = await Get<ResultPage<VolunteerView>>("/api/communities/lanhua/volunteers?pageSize=100");
        all.TotalCount.ShouldBe(Seeded.VolunteerCount);
    }

    // ---- arrange and check ----

    /// <summary>
    /// One of each resource a route can name, so route values and bodies reach real state: a pending record, a
    /// patrol shift with volunteer 1 checked in, a river patrol with an open finding and an open elder alert.
    /// Keyed by the path segment before the parameter that names it.
    /// </summary>
    private async Task<Dictionary<string, string>> Arrange()
    {
        var record = await SubmitRecord(Seeded.ZhangXiaomei, "CB02", Today.PlusDays(-1));

        var shift = await Post("/api/patrol-shifts", new SchedulePatrolShiftRequest("lanhua", "兰花路—兰江路沿线",
            AppFactory.DefaultNow + NodaTime.Duration.FromMinutes(30), AppFactory.DefaultNow + NodaTime.Duration.FromHours(3),
            TeamId: HostileCorpus.PatrolTeam));
        shift.ShouldBe(HttpStatusCode.Created);
        var shiftId = (await ReadObject(shift))["shiftId"]!.GetValue<string>();
        (await Post($"/api/patrol-shifts/{shiftId}/check-ins", new CheckInRequest(Seeded.ZhangXiaomei)))
            .ShouldBe(HttpStatusCode.Created);

        var patrol = await Post($"/api/river-teams/{HostileCorpus.RiverTeam}/patrols", new RecordRiverPatrolRequest(
            HostileCorpus.RiverSegment, Today.PlusDays(-1), new NodaTime.LocalTime(9, 0), new NodaTime.LocalTime(11, 30),
            [HostileCorpus.OtherVolunteer],
            [new RiverFindingRequest(RiverFindingKind.Litter, 3, RiverFindingSeverity.Low, "IMG_20261122_0901.jpg", "桥下漂浮塑料袋")]));
        patrol.ShouldBe(HttpStatusCode.Created);
        var river = await Read<RiverPatrolAccepted>(patrol);

        var visit = await Post($"/api/elders/{Seeded.Elder(1)}/visits",
            new LogElderVisitRequest(Seeded.ZhangXiaomei, Today, 20, Wellbeing.NeedsHelp, "老人腿脚不便"));
        visit.ShouldBe(HttpStatusCode.Created);

        return new Dictionary<string, string>
        {
            ["communities"] = "lanhua",
            ["volunteers"] = Seeded.ZhangXiaomei.ToString(),
            ["activities"] = "CB01",
            ["service-records"] = record.ToString(),
            ["patrol-teams"] = HostileCorpus.PatrolTeam.ToString(),
            ["patrol-shifts"] = shiftId,
            ["river-teams"] = HostileCorpus.RiverTeam.ToString(),
            ["river-patrols"] = river.PatrolId.ToString(),
            ["river-findings"] = river.FindingIds.Single().ToString(),
            ["elders"] = Seeded.Elder(1).ToString(),
            ["elder-alerts"] = (await ReadObject(visit))["alertId"]!.GetValue<string>()
        };
    }

    /// <summary>Null when the response is a clean refusal, else what is wrong with it.</summary>
    private static async Task<string?> Check(HttpClient client, HostileRequest hostile)
    {
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Url);
        if (hostile.Body is not null)
        {
            request.Content = hostile.UnknownLength
                ? new StreamContent(new UnknownLengthStream(hostile.Body))
                : new ByteArrayContent(hostile.Body);
            if (hostile.ContentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType + "; charset=utf-8");
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (Exception e)
        {
            return $"the server threw {e.GetType().Name}: {e.Message}";
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var signInRefusal = status == 401 && hostile.Route == SignIn;
            if (!Refusals.Contains(status) && !signInRefusal)
                return $"status {status}: {Shorten(text)}";
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                return $"status {status} without a problem body ({response.Content.Headers.ContentType}): {Shorten(text)}";
            JsonObject problem;
            try
            {
                problem = JsonNode.Parse(text)!.AsObject();
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return $"status {status} with a problem body that is not a JSON object: {Shorten(text)}";
            }
            if (problem["status"]?.GetValue<int>() != status)
                return $"status {status} but the problem says {problem["status"]}";
            if (problem["code"]?.GetValue<string>() is not { Length: > 0 } code)
                return $"status {status} with a problem without a code: {Shorten(text)}";
            if (signInRefusal && code != "invalid_credentials")
                return $"sign-in refused with {code}";
            return null;
        }
    }

    private async Task TheStoreStillWorks(Dictionary<string, string> real)
    {
        // Nothing the corpus sent touched the arranged state: the record still waits for the office.
        (await Get<JsonObject>($"/api/service-records/{real["service-records"]}"))["status"]!.GetValue<string>()
            .ShouldBe("pending");
        var balance = await Balance(Seeded.LiJianguo);
        var before = await EventCount();
        var credited = await Credit(Seeded.LiJianguo, "CB02", Today.PlusDays(-1));
        credited.BalanceAfter.ShouldBe(balance.Available + credited.Points);
        (await EventCount()).ShouldBeGreaterThan(before);
    }

    private async Task<long> Events(NpgsqlConnection database)
    {
        await using var command = new NpgsqlCommand($"select count(*) from \"{App.Schema}\".mt_events", database);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> Tables(NpgsqlConnection database)
    {
        await using var command = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema order by table_name", database);
        command.Parameters.AddWithValue("schema", App.Schema);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    private async Task<bool> Exists(NpgsqlConnection database, string table)
    {
        await using var command = new NpgsqlCommand("select to_regclass(@name) is not null", database);
        command.Parameters.AddWithValue("name", $"\"{App.Schema}\".{table}");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "…";

    /// <summary>A body whose length is not announced, so the server must count it as it reads.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
