using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Marten.Storage;
using Npgsql;
using NpgsqlTypes;

namespace QunTuan.Ledger.Audit;

/// <summary>
/// Hands every session that appends events an <see cref="AuditChainLinker"/>, which links them inside the session's
/// own transaction. By the time Marten calls this, rich append has already given each pending event its sequence.
/// </summary>
internal sealed class AuditChainListener(string schema, IReadOnlySet<string> globalStreamStarts) : DocumentSessionListenerBase
{
    private readonly ConditionalWeakTable<IDocumentSession, AuditChainLinker> _linkers = new();

    /// <summary>The chain of every stream seen so far: it never changes once the stream's first event is written.</summary>
    private readonly ConcurrentDictionary<Guid, string> _chains = new();

    /// <summary>Past this many streams the memory starts over; a forgotten stream costs one query to relearn.</summary>
    private const int MaxRemembered = 200_000;

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var events = AuditChain.PendingEvents(session);
        if (!_linkers.TryGetValue(session, out var linker))
        {
            if (events.Length == 0) return;
            if (session is not ITransactionParticipantRegistrar registrar)
                throw new InvalidOperationException("The audit chain needs a session that takes transaction participants.");
            await session.Database.EnsureStorageExistsAsync(typeof(StorageFeatures), token);
            linker = _linkers.GetValue(session, _ => new AuditChainLinker(schema, globalStreamStarts, _chains));
            registrar.AddTransactionParticipant(linker);
        }

        if (events.Any(e => e.Sequence <= 0))
            throw new InvalidOperationException("The audit chain needs rich event appends, which number events before commit.");
        // A new stream's chain is known from its first event before anything is written, and refused here when it has
        // none, so a stream that belongs to no chain fails before its transaction starts.
        if (_chains.Count > MaxRemembered) _chains.Clear();
        foreach (var first in events.Where(e => e.Version == 1))
            _chains[first.StreamId] = AuditChain.ChainOf(first) ?? throw AuditChainLinker.NoChain(first.StreamId,
                first.EventTypeName);
        linker.Pending = events.Select(e => e.Sequence).ToArray();
        linker.Streams = events.Select(e => e.StreamId).Distinct().ToArray();
    }
}

/// <summary>
/// Links one transaction's events into their chains, after Marten wrote them and before it commits. It runs last in
/// the transaction, once every stream lock the handler needed is already held, and takes one advisory lock per chain
/// in a fixed order: two transactions of one community queue up here for the few milliseconds it takes, never link
/// to the same head, and can never deadlock with each other. It reads the events back from <c>mt_events</c>, so a
/// link commits to exactly the bytes a later verification reads.
/// </summary>
internal sealed class AuditChainLinker(string schema, IReadOnlySet<string> globalStreamStarts,
    ConcurrentDictionary<Guid, string> chains) : ITransactionParticipant
{
    /// <summary>A fixed first key keeps these advisory locks apart from Marten's own, which use the one-key form.</summary>
    private const int LockClass = 0x51540001;

    public long[] Pending { get; set; } = [];
    public Guid[] Streams { get; set; } = [];

    public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken token)
    {
        // Marten may run this again on a fresh transaction if the commit fails transiently; everything below is
        // recomputed from the database, so a second run links the same events afresh.
        if (Pending.Length == 0) return;

        // Streams met for the first time in this process: their chain is read from their first event, once.
        var unknown = Streams.Where(id => !chains.ContainsKey(id)).ToArray();
        if (unknown.Length > 0)
        {
            await using var first = new NpgsqlCommand($"""
                select f.stream_id, f.type, f.data ->> 'communityId'
                from "{schema}".mt_events f where f.stream_id = any(@streams) and f.version = 1
                """, connection, transaction);
            first.Parameters.AddWithValue("streams", unknown);
            await using var reader = await first.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
                chains.TryAdd(reader.GetGuid(0), ChainOf(reader.GetGuid(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        var streamChains = Streams.ToDictionary(id => id, id => chains.TryGetValue(id, out var chain)
            ? chain
            : throw NoChain(id, null));
        var ordered = streamChains.Values.Distinct().Order(StringComparer.Ordinal).ToArray();

        // One round trip: the new rows as stored, then one lock per chain in a fixed order, then the chains' heads,
        // read once the locks are held.
        var events = new List<(StoredEvent Event, string Chain)>();
        var heads = new Dictionary<string, (long Position, string Hash)>();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var read = new NpgsqlBatchCommand($"""
                select {StoredEvent.Columns} from "{schema}".mt_events e where e.seq_id = any(@seqs) order by e.seq_id
                """);
            read.Parameters.AddWithValue("seqs", Pending);
            batch.BatchCommands.Add(read);
            foreach (var chain in ordered)
            {
                var lockCommand = new NpgsqlBatchCommand("select pg_advisory_xact_lock(@class, hashtext(@key))");
                lockCommand.Parameters.AddWithValue("class", LockClass);
                lockCommand.Parameters.AddWithValue("key", $"{schema}/{chain}");
                batch.BatchCommands.Add(lockCommand);
            }
            // One backward index probe per chain: the cost stays flat however long the chain grows.
            var headCommand = new NpgsqlBatchCommand($"""
                select c.chain, h.position, h.hash from unnest(@chains::varchar[]) as c(chain)
                cross join lateral (select t.position, t.hash from {AuditChain.Qualified(schema)} t
                                    where t.chain = c.chain order by t.position desc limit 1) h
                """);
            headCommand.Parameters.AddWithValue("chains", ordered);
            batch.BatchCommands.Add(headCommand);

            await using var reader = await batch.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                var e = StoredEvent.Read(reader);
                events.Add((e, streamChains[e.StreamId]));
            }
            for (var i = 0; i <= ordered.Length; i++) await reader.NextResultAsync(token);
            while (await reader.ReadAsync(token))
                heads[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
        }
        if (events.Count != Pending.Length)
            throw new InvalidOperationException(
                $"The audit chain expected {Pending.Length} new events in the transaction and found {events.Count}.");

        var count = events.Count;
        var (chainColumn, positions, hashes) = (new string[count], new long[count], new string[count]);
        for (var i = 0; i < count; i++)
        {
            var (e, chain) = events[i];
            var (position, previous) = heads.GetValueOrDefault(chain, (0L, ChainHash.Genesis));
            var hash = ChainHash.Link(previous, e);
            heads[chain] = (position + 1, hash);
            (chainColumn[i], positions[i], hashes[i]) = (chain, position + 1, hash);
        }

        await using var insert = new NpgsqlCommand($"""
            insert into {AuditChain.Qualified(schema)} (chain, position, seq_id, event_id, stream_id, version, event_type, hash)
            select * from unnest(@chain, @position, @seq, @id, @stream, @version, @type, @hash)
            """, connection, transaction);
        insert.Parameters.AddWithValue("chain", NpgsqlDbType.Array | NpgsqlDbType.Varchar, chainColumn);
        insert.Parameters.AddWithValue("position", positions);
        insert.Parameters.AddWithValue("seq", events.Select(e => e.Event.Sequence).ToArray());
        insert.Parameters.AddWithValue("id", events.Select(e => e.Event.Id).ToArray());
        insert.Parameters.AddWithValue("stream", events.Select(e => e.Event.StreamId).ToArray());
        insert.Parameters.AddWithValue("version", events.Select(e => e.Event.Version).ToArray());
        insert.Parameters.AddWithValue("type", NpgsqlDbType.Array | NpgsqlDbType.Varchar,
            events.Select(e => e.Event.Type).ToArray());
        insert.Parameters.AddWithValue("hash", NpgsqlDbType.Array | NpgsqlDbType.Char, hashes);
        await insert.ExecuteNonQueryAsync(token);
    }

    public Task AfterCommitAsync(CancellationToken token)
    {
        Pending = [];
        return Task.CompletedTask;
    }

    private string ChainOf(Guid streamId, string firstType, string? community)
    {
        if (globalStreamStarts.Contains(firstType)) return AuditChain.Global;
        if (Guid.TryParse(community, out var communityId)) return AuditChain.For(communityId);
        throw NoChain(streamId, firstType);
    }

    public static InvalidOperationException NoChain(Guid streamId, string? firstType) => new(
        $"Stream {streamId} starts with '{firstType ?? "(missing)"}', which names no communityId: every stream must " +
        "belong to a community's audit chain, or start with an event listed in AuditChain.GlobalStreamStarts.");
}
