using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace QunTuan.Api.Infrastructure;

public static class JsonSetup
{
    /// <summary>
    /// HTTP JSON: camelCase, NodaTime as ISO strings, enums as snake_case strings (never integers), and strict
    /// binding: a missing required field, a null where none is allowed or an unknown field is a 400 that names it.
    /// </summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        o.NumberHandling = JsonNumberHandling.Strict;
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // {"points":1,"points":-500}: which one did the client mean? Neither is taken.
        o.AllowDuplicateProperties = false;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    }
}
