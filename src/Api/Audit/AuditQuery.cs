using System.Globalization;
using System.Text;
using Marten;
using NodaTime;
using NodaTime.Text;
using QunTuan.Api.Infrastructure;
using QunTuan.Ledger.Audit;
using QunTuan.Ledger.Shared;
using QunTuan.Projections.Audit;

namespace QunTuan.Api.Audit;

/// <summary>The query string of audit reads: a period, event types and the format, checked strictly (400s).</summary>
public static class AuditQuery
{
    /// <summary>
    /// A period bound is an instant (<c>2026-06-30T10:00:00Z</c>) or a date (<c>2026-06-30</c>), a whole day in
    /// Asia/Shanghai: <paramref name="from"/> starts at the start of its day, <paramref name="to"/> ends at the end of
    /// its day. An instant <paramref name="to"/> is exclusive.
    /// </summary>
    public static (Instant? From, Instant? To) Period(string? from, string? to)
    {
        var start = Bound(from, "from", endOfDay: false);
        var end = Bound(to, "to", endOfDay: true);
        if (start is { } s && end is { } e && e <= s)
            throw new RequestRejected("to", "period_reversed", "to 须晚于 from / to must come after from");
        return (start, end);
    }

    /// <summary>
    /// A point of an account's history: <c>asOf</c> an instant (or the end of a Shanghai date), or a stream
    /// <c>version</c>. Null when neither is given, meaning "now, from the live documents".
    /// </summary>
    public static (Instant? At, long? Version)? AsOf(string? asOf, string? version)
    {
        if (!string.IsNullOrWhiteSpace(asOf) && !string.IsNullOrWhiteSpace(version))
            throw new RequestRejected("version", "as_of_and_version",
                "asOf 与 version 只能给出其一 / give either asOf or version, not both");
        if (!string.IsNullOrWhiteSpace(version))
            return long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1
                ? (null, v)
                : throw new RequestRejected("version", "invalid_version",
                    "version 须为不小于 1 的整数 / version must be a whole number of 1 or more");
        return Bound(asOf, "asOf", endOfDay: true) is { } at ? (at, null) : null;
    }

    /// <summary>The account folded up to <paramref name="point"/>, or the 404 of a volunteer that did not exist yet.</summary>
    public static async Task<AccountAsOf> History(IQuerySession session, Guid volunteerId, string raw,
        (Instant? At, long? Version) point, CancellationToken ct)
    {
        var history = await AccountHistory.AsOfAsync(session, volunteerId, point.At, point.Version, ct)
                      ?? throw LedgerRuleViolation.NotFound("volunteer", raw);
        if (point.Version is { } wanted && history.Version < wanted)
            throw LedgerRuleViolation.Invalid("version_not_reached",
                $"账户只到第 {history.Version} 版 / the account has only reached version {history.Version}", "version");
        return history;
    }

    public static IReadOnlyCollection<string>? Types(string? type, IDocumentStore store)
    {
        if (string.IsNullOrWhiteSpace(type)) return null;
        var known = EventTrail.KnownTypes(store);
        var wanted = type.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = wanted.FirstOrDefault(t => !known.Contains(t));
        if (unknown is not null || wanted.Length == 0)
            throw new RequestRejected("type", "unknown_event_type",
                $"未知的事件类型 {unknown} / unknown event type {unknown} (use names such as points_credited)");
        return wanted;
    }

    public static bool Csv(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => false,
        "csv" => true,
        _ => throw new RequestRejected("format", "unknown_format", "format 须为 json 或 csv / format must be json or csv")
    };

    private static Instant? Bound(string? value, string field, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant) return instant.Value;
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
            return (endOfDay ? date.Value.PlusDays(1) : date.Value).AtStartOfDayInZone(ShanghaiCalendar.Zone).ToInstant();
        throw new RequestRejected(field, "invalid_instant",
            $"{field} 须为 ISO 时刻（如 2026-06-30T10:00:00Z）或日期（如 2026-06-30） / {field} must be an ISO instant " +
            "(2026-06-30T10:00:00Z) or a date (2026-06-30)");
    }
}

/// <summary>CSV for the auditor's own tools: UTF-8 with a byte-order mark (so spreadsheet software reads the Chinese
/// right), CRLF lines, RFC 4180 quoting, and text cells that would start a formula defused with a quote.</summary>
public static class AuditCsv
{
    private static readonly string[] Header =
    [
        "sequence", "chain", "chain_position", "stream_id", "version", "type", "recorded_at", "user", "user_id",
        "correlation_id", "causation_id", "event_id", "data"
    ];

    public static IResult Trail(IAsyncEnumerable<TrailEvent> events, string fileName) =>
        Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await WriteAsync(writer, events);
        }, "text/csv; charset=utf-8", fileName);

    /// <summary>Writes the header and one line per event; the writer's encoding decides the byte-order mark.</summary>
    public static async Task<long> WriteAsync(TextWriter writer, IAsyncEnumerable<TrailEvent> events)
    {
        long count = 0;
        await writer.WriteAsync(Line(Header));
        await foreach (var e in events)
        {
            await writer.WriteAsync(Line([
                e.Sequence.ToString(CultureInfo.InvariantCulture), e.Chain, e.ChainPosition?.ToString(CultureInfo.InvariantCulture),
                e.StreamId.ToString(), e.Version.ToString(CultureInfo.InvariantCulture), e.Type,
                InstantPattern.ExtendedIso.Format(e.RecordedAt), Text(e.User), e.UserId, Text(e.CorrelationId),
                Text(e.CausationId), e.EventId.ToString(), e.Data.GetRawText()
            ]));
            count++;
        }
        return count;
    }

    private static string? Text(string? value) =>
        value is { Length: > 0 } && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;

    private static string Line(IEnumerable<string?> cells) =>
        string.Join(',', cells.Select(c => c is null ? "" :
            c.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"") + "\"" : c)) + "\r\n";
}
