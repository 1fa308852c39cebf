using System.Runtime.CompilerServices;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using Npgsql;
using NodaTime;

namespace QunTuan.Ledger.Audit;

/// <summary>
/// One event as an auditor reads it: what happened (type and data), to which stream at which version, when it was
/// recorded, who did it (user name and id), in which request (correlation id), and its place in the audit chain.
/// </summary>
public sealed record TrailEvent(
    long Sequence,
    Guid EventId,
    Guid StreamId,
    long Version,
    string Type,
    Instant RecordedAt,
    string? User,
    string? UserId,
    string? CorrelationId,
    string? CausationId,
    string? Chain,
    long? ChainPosition,
    JsonElement Data);

/// <summary>Which events a trail holds: one stream's, or one chain's (a community's), within a period and of some types.</summary>
public sealed record TrailQuery(
    Guid? StreamId = null,
    string? Chain = null,
    Instant? From = null,
    Instant? To = null,
    IReadOnlyCollection<string>? Types = null);

/// <summary>Reads trails straight from the event table, in order: by version for a stream, by sequence otherwise.</summary>
public static class EventTrail
{
    public static async Task<(IReadOnlyList<TrailEvent> Events, long Total)> PageAsync(IDocumentStore store,
        TrailQuery query, int skip, int take, CancellationToken ct)
    {
        var events = new List<TrailEvent>();
        long total = 0;
        await using var connection = await ChainVerifier.OpenAsync(store, ct);
        await using var command = Command(store, connection, query, "count(*) over (),");
        command.CommandText += $" offset {skip} limit {take}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            total = reader.GetInt64(0);
            events.Add(Read(reader, 1));
        }
        if (events.Count == 0 && skip > 0)
            total = await CountAsync(store, query, ct);
        return (events, total);
    }

    /// <summary>Every event of the trail, streamed, for exports of any length.</summary>
    public static async IAsyncEnumerable<TrailEvent> AllAsync(IDocumentStore store, TrailQuery query,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await ChainVerifier.OpenAsync(store, ct);
        await using var command = Command(store, connection, query, "");
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return Read(reader, 0);
    }

    /// <summary>The event type names the store knows, for validating a type filter.</summary>
    public static IReadOnlySet<string> KnownTypes(IDocumentStore store) =>
        store.Options.Events.AllKnownEventTypes().Select(t => t.EventTypeName).ToHashSet();

    /// <summary>The chain a stream belongs to, read from its first event; null when the stream does not exist.</summary>
    public static async Task<string?> ChainOfStreamAsync(IQuerySession session, Guid streamId, CancellationToken ct)
    {
        var first = await session.Events.FetchStreamAsync(streamId, version: 1, token: ct);
        return first.Count == 0 ? null : AuditChain.ChainOf(first[0]);
    }

    private static async Task<long> CountAsync(IDocumentStore store, TrailQuery query, CancellationToken ct)
    {
        await using var connection = await ChainVerifier.OpenAsync(store, ct);
        await using var command = Command(store, connection, query, "");
        command.CommandText = $"select count(*) from ({command.CommandText}) t";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static NpgsqlCommand Command(IDocumentStore store, NpgsqlConnection connection, TrailQuery query,
        string prefix)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var command = new NpgsqlCommand { Connection = connection };
        var where = new List<string>();
        if (query.StreamId is { } stream)
        {
            where.Add("e.stream_id = @stream");
            command.Parameters.AddWithValue("stream", stream);
        }
        if (query.Chain is { } chain)
        {
            where.Add("c.chain = @chain");
            command.Parameters.AddWithValue("chain", chain);
        }
        if (query.From is { } from)
        {
            where.Add("e.timestamp >= @from");
            command.Parameters.AddWithValue("from", from.ToDateTimeOffset());
        }
        if (query.To is { } to)
        {
            where.Add("e.timestamp < @to");
            command.Parameters.AddWithValue("to", to.ToDateTimeOffset());
        }
        if (query.Types is { Count: > 0 } types)
        {
            where.Add("e.type = any(@types)");
            command.Parameters.AddWithValue("types", types.ToArray());
        }
        var order = query.StreamId is not null ? "e.version" : "e.seq_id";
        command.CommandText = $"""
            select {prefix} {StoredEvent.Columns}, c.chain, c.position
            from "{schema}".mt_events e
            left join {AuditChain.Qualified(schema)} c on c.seq_id = e.seq_id
            {(where.Count == 0 ? "" : "where " + string.Join(" and ", where))}
            order by {order}
            """;
        return command;
    }

    private static TrailEvent Read(NpgsqlDataReader reader, int offset)
    {
        var e = StoredEvent.Read(reader, offset);
        string? userId = null;
        if (e.Headers is not null)
        {
            using var headers = JsonDocument.Parse(e.Headers);
            if (headers.RootElement.ValueKind == JsonValueKind.Object &&
                headers.RootElement.TryGetProperty("user-id", out var id) && id.ValueKind == JsonValueKind.String)
                userId = id.GetString();
        }
        using var data = JsonDocument.Parse(e.Data);
        return new TrailEvent(e.Sequence, e.Id, e.StreamId, e.Version, e.Type, Instant.FromDateTimeOffset(e.Timestamp),
            e.UserName, userId, e.CorrelationId, e.CausationId,
            reader.IsDBNull(offset + 11) ? null : reader.GetString(offset + 11),
            reader.IsDBNull(offset + 12) ? null : reader.GetInt64(offset + 12),
            data.RootElement.Clone());
    }
}
