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
        for (var i = 0; i < o.Converters.Count; i++)
            if (o.Converters[i].GetType().Namespace?.StartsWith("NodaTime") == true && o.Converters[i].Type is { } type)
                o.Converters[i] = (JsonConverter)Activator.CreateInstance(
                    typeof(NoControlCharacters<>).MakeGenericType(type), o.Converters[i])!;
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

/// <summary>
/// NodaTime's text parsers treat a NUL as the end of the text, so <c>"2026-11-22\u0000anything"</c> would bind as
/// 2026-11-22. A date, time or instant with a control character in it is refused like any other bad value.
/// </summary>
internal sealed class NoControlCharacters<T>(JsonConverter<T> inner) : JsonConverter<T>
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // No message: System.Text.Json then reports "could not be converted" with the path, like any bad value.
        if (reader.TokenType == JsonTokenType.String && reader.GetString()!.Any(char.IsControl))
            throw new JsonException();
        return inner.Read(ref reader, typeToConvert, options);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        inner.Write(writer, value, options);
}
