using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;
using QunTuan.Ledger;
using QunTuan.Ledger.Audit;

namespace QunTuan.Projections.Audit;

/// <summary>Where a replay is: copying, rebuilding projection <see cref="Done"/>+1 of <see cref="Total"/>, comparing.</summary>
public sealed record ReplayProgress(string Stage, int Done, int Total, string? Projection, long EventCount);

public sealed record ProjectionTiming(string Projection, long Milliseconds);

/// <summary>
/// One document type compared: how many documents each side holds and a hash over all of them (each document's
/// canonical JSON hashed, then the sorted id:hash lines hashed), so two runs can be compared by one value.
/// </summary>
public sealed record DocumentComparison(string DocumentType, int LiveCount, int ReplayCount, string LiveHash,
    string ReplayHash, int Differences);

/// <param name="Kind"><c>missing_in_replay</c>, <c>only_in_replay</c> or <c>different</c>.</param>
public sealed record DocumentDifference(string DocumentType, string Id, string Kind, string? LiveHash, string? ReplayHash);

public sealed record ReplayResult(
    long EventCount,
    long LastSequence,
    IReadOnlyList<ProjectionTiming> Projections,
    IReadOnlyList<DocumentComparison> Documents,
    int DifferenceCount,
    IReadOnlyList<DocumentDifference> Differences,
    string ReplayHash,
    long CopyMilliseconds,
    long RebuildMilliseconds,
    long CompareMilliseconds);

/// <summary>
/// Rebuild and compare (I6): a second document store with the application's own event store and projection setup,
/// on a shadow schema, is given a copy of the event history and rebuilds every projection (write models and read
/// models) through Marten's projection daemon; then every document is compared, by id and by the hash of its
/// canonical JSON (PostgreSQL's <c>jsonb</c> text), with the live one. The copy of the events and the read of the
/// live documents happen in one repeatable-read transaction, so writes made while the replay runs cannot show up as
/// differences. The shadow schema is dropped afterwards, whatever happens.
/// </summary>
public static class ProjectionReplay
{
    private const int MaxListedDifferences = 200;

    public static async Task<ReplayResult> RunAsync(string connectionString, string liveSchema, string shadowSchema,
        Action<ReplayProgress> progress, CancellationToken ct)
    {
        var options = new StoreOptions();
        options.Connection(connectionString);
        options.DatabaseSchemaName = shadowSchema;
        options.AddLedger().AddLedgerProjections();
        // The shadow store never appends: the copied history keeps the links it had.
        options.WithoutAuditChain();

        try
        {
            using var shadow = new DocumentStore(options);
            var sources = shadow.Options.Projections.All.ToList();
            var types = sources.SelectMany(s => s.PublishedTypes()).Distinct()
                .Select(t => (Type: t, Table: ((IReadOnlyStoreOptions)shadow.Options).FindOrResolveDocumentType(t).TableName.Name))
                .OrderBy(t => t.Type.Name, StringComparer.Ordinal).ToList();

            progress(new ReplayProgress("preparing", 0, sources.Count, null, 0));
            await shadow.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

            var clock = Stopwatch.StartNew();
            var (eventCount, lastSequence, live) = await CopyAsync(connectionString, liveSchema, shadowSchema, types, ct);
            var copyMs = clock.ElapsedMilliseconds;
            progress(new ReplayProgress("copied", 0, sources.Count, null, eventCount));

            clock.Restart();
            var timings = new List<ProjectionTiming>();
            using (var daemon = await shadow.BuildProjectionDaemonAsync())
            {
                foreach (var source in sources)
                {
                    progress(new ReplayProgress("rebuilding", timings.Count, sources.Count, source.Name, eventCount));
                    var one = Stopwatch.StartNew();
                    await daemon.RebuildProjectionAsync(source.Name, TimeSpan.FromMinutes(30), ct);
                    timings.Add(new ProjectionTiming(source.Name, one.ElapsedMilliseconds));
                }
            }
            var rebuildMs = clock.ElapsedMilliseconds;

            clock.Restart();
            progress(new ReplayProgress("comparing", sources.Count, sources.Count, null, eventCount));
            var comparisons = new List<DocumentComparison>();
            var differences = new List<DocumentDifference>();
            var differenceCount = 0;
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(ct);
                foreach (var (type, table) in types)
                {
                    var replayed = await HashesAsync(connection, shadowSchema, table, ct);
                    var liveDocs = live[table];
                    var diffs = Compare(type.Name, liveDocs, replayed).ToList();
                    differenceCount += diffs.Count;
                    differences.AddRange(diffs.Take(MaxListedDifferences - differences.Count));
                    comparisons.Add(new DocumentComparison(type.Name, liveDocs.Count, replayed.Count, Combine(liveDocs),
                        Combine(replayed), diffs.Count));
                }
            }
            var replayHash = Sha256(string.Concat(comparisons.Select(c => $"{c.DocumentType}:{c.ReplayHash}\n")));
            progress(new ReplayProgress("compared", sources.Count, sources.Count, null, eventCount));

            return new ReplayResult(eventCount, lastSequence, timings, comparisons, differenceCount, differences,
                replayHash, copyMs, rebuildMs, clock.ElapsedMilliseconds);
        }
        finally
        {
            await DropAsync(connectionString, shadowSchema);
        }
    }

    /// <summary>A plain sequential read of every event row, data included: the yardstick the benchmark compares with.</summary>
    public static async Task<long> ReadAllEventsAsync(string connectionString, string schema, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select {StoredEvent.Columns} from \"{schema}\".mt_events e order by e.seq_id",
            connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            _ = StoredEvent.Read(reader);
            count++;
        }
        return count;
    }

    private static async Task<(long Events, long LastSequence, Dictionary<string, Dictionary<string, string>> Live)>
        CopyAsync(string connectionString, string live, string shadow, IReadOnlyList<(Type Type, string Table)> types,
            CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

        foreach (var table in new[] { "mt_streams", "mt_events" })
        {
            var columns = await CommonColumnsAsync(connection, tx, live, shadow, table, ct);
            await using var copy = new NpgsqlCommand(
                $"insert into \"{shadow}\".{table} ({columns}) select {columns} from \"{live}\".{table}", connection, tx)
            {
                CommandTimeout = 0
            };
            await copy.ExecuteNonQueryAsync(ct);
        }

        long events, last;
        await using (var count = new NpgsqlCommand(
                         $"select count(*), coalesce(max(seq_id), 0) from \"{shadow}\".mt_events", connection, tx))
        await using (var reader = await count.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (events, last) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        if (last > 0)
        {
            await using var sequence = new NpgsqlCommand(
                $"select setval('\"{shadow}\".mt_events_sequence', {last})", connection, tx);
            await sequence.ExecuteNonQueryAsync(ct);
        }

        var liveDocs = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (_, table) in types)
            liveDocs[table] = await TableExistsAsync(connection, tx, live, table, ct)
                ? await HashesAsync(connection, live, table, ct, tx)
                : [];
        await tx.CommitAsync(ct);
        return (events, last, liveDocs);
    }

    private static async Task<string> CommonColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string live,
        string shadow, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            select string_agg(quote_ident(l.column_name), ', ' order by l.ordinal_position)
            from information_schema.columns l
            join information_schema.columns s on s.table_schema = @shadow and s.table_name = @table and s.column_name = l.column_name
            where l.table_schema = @live and l.table_name = @table
              and l.is_generated = 'NEVER'
            """, connection, tx);
        command.Parameters.AddWithValue("live", live);
        command.Parameters.AddWithValue("shadow", shadow);
        command.Parameters.AddWithValue("table", table);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string schema,
        string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select to_regclass(@name) is not null", connection, tx);
        command.Parameters.AddWithValue("name", $"\"{schema}\".{table}");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<Dictionary<string, string>> HashesAsync(NpgsqlConnection connection, string schema,
        string table, CancellationToken ct, NpgsqlTransaction? tx = null)
    {
        await using var command = new NpgsqlCommand(
            $"select id::text, encode(sha256(convert_to(data::text, 'UTF8')), 'hex') from \"{schema}\".{table}",
            connection, tx) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) hashes[reader.GetString(0)] = reader.GetString(1);
        return hashes;
    }

    private static IEnumerable<DocumentDifference> Compare(string type, Dictionary<string, string> live,
        Dictionary<string, string> replayed)
    {
        foreach (var (id, hash) in live.OrderBy(x => x.Key, StringComparer.Ordinal))
            if (!replayed.TryGetValue(id, out var other)) yield return new(type, id, "missing_in_replay", hash, null);
            else if (other != hash) yield return new(type, id, "different", hash, other);
        foreach (var (id, hash) in replayed.Where(r => !live.ContainsKey(r.Key)).OrderBy(x => x.Key, StringComparer.Ordinal))
            yield return new(type, id, "only_in_replay", null, hash);
    }

    private static string Combine(Dictionary<string, string> hashes) =>
        Sha256(string.Concat(hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}:{h.Value}\n")));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task DropAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
