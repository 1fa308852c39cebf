using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace QunTuan.Ledger.Audit;

/// <summary>
/// One row of <c>mt_events</c> exactly as PostgreSQL returns it: what a chain link commits to. <see cref="Data"/>
/// and <see cref="Headers"/> are the <c>jsonb</c> columns' own text, which PostgreSQL renders canonically (sorted
/// keys, fixed spacing), so the application and anyone re-checking the chain with <c>psql</c> hash the same bytes.
/// </summary>
public sealed record StoredEvent(
    long Sequence,
    Guid Id,
    Guid StreamId,
    long Version,
    string Type,
    DateTimeOffset Timestamp,
    string Data,
    string? CorrelationId,
    string? CausationId,
    string? UserName,
    string? Headers)
{
    /// <summary>The columns of <c>mt_events</c> read into a <see cref="StoredEvent"/>, in constructor order.</summary>
    public const string Columns =
        "e.seq_id, e.id, e.stream_id, e.version, e.type, e.timestamp, e.data::text, e.correlation_id, e.causation_id, " +
        "e.user_name, e.headers::text";

    /// <summary>Reads the eleven <see cref="Columns"/> starting at <paramref name="offset"/>.</summary>
    public static StoredEvent Read(System.Data.Common.DbDataReader reader, int offset = 0) => new(
        reader.GetInt64(offset),
        reader.GetGuid(offset + 1),
        reader.GetGuid(offset + 2),
        reader.GetInt64(offset + 3),
        reader.GetString(offset + 4),
        reader.GetFieldValue<DateTimeOffset>(offset + 5),
        reader.GetString(offset + 6),
        reader.IsDBNull(offset + 7) ? null : reader.GetString(offset + 7),
        reader.IsDBNull(offset + 8) ? null : reader.GetString(offset + 8),
        reader.IsDBNull(offset + 9) ? null : reader.GetString(offset + 9),
        reader.IsDBNull(offset + 10) ? null : reader.GetString(offset + 10));
}

/// <summary>
/// The hash chain's one formula. A link is SHA-256 over the previous link (lowercase hex, 64 zeros for the first
/// link of a chain), a newline, and a JSON array of the event's sequence, id, stream, version, type, timestamp
/// (UTC, microseconds), correlation id, causation id, user, headers and data. Changing any of these, removing a
/// link or putting one in between changes every later link, so a published head pins the whole history before it.
/// </summary>
public static class ChainHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Link(string previous, StoredEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        System.Buffers.BuffersExtensions.Write(buffer, Encoding.ASCII.GetBytes(previous + "\n"));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(e.Sequence);
            json.WriteStringValue(e.Id.ToString("D"));
            json.WriteStringValue(e.StreamId.ToString("D"));
            json.WriteNumberValue(e.Version);
            json.WriteStringValue(e.Type);
            json.WriteStringValue(e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
                CultureInfo.InvariantCulture));
            WriteOptional(json, e.CorrelationId);
            WriteOptional(json, e.CausationId);
            WriteOptional(json, e.UserName);
            if (e.Headers is null) json.WriteNullValue();
            else json.WriteRawValue(e.Headers, skipInputValidation: true);
            json.WriteRawValue(e.Data, skipInputValidation: true);
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteOptional(Utf8JsonWriter json, string? value)
    {
        if (value is null) json.WriteNullValue();
        else json.WriteStringValue(value);
    }
}
