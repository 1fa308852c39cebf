using System.Diagnostics;
using Marten;
using Marten.Storage;
using Npgsql;
using NodaTime;

namespace QunTuan.Ledger.Audit;

public enum ChainProblemKind
{
    /// <summary>The event's row differs from what its link committed to (data, metadata, stream or version).</summary>
    Modified,
    /// <summary>A linked event's row is gone from <c>mt_events</c>.</summary>
    Deleted,
    /// <summary>An event in <c>mt_events</c> that no link commits to: written around the application.</summary>
    Inserted,
    /// <summary>A link itself is missing from the chain (its position is skipped).</summary>
    LinkMissing
}

/// <summary>The first thing wrong in a chain, naming the event concerned.</summary>
public sealed record ChainProblem(
    ChainProblemKind Kind,
    string? Chain,
    long? Position,
    long Sequence,
    Guid EventId,
    Guid StreamId,
    long Version,
    string EventType);

/// <summary>The last link of a chain: what is published so that history cannot be rewritten unnoticed.</summary>
public sealed record ChainHead(string Chain, long Position, string Hash, Guid EventId, long Sequence);

public sealed record ChainStatus(string Chain, long Length, ChainHead? Head, bool Intact, ChainProblem? FirstProblem);

/// <summary>A published head that the chain in the database no longer reproduces.</summary>
public sealed record HeadMismatch(string Chain, long Position, string PublishedHash, string? RecomputedHash);

public sealed record ChainVerification(
    bool Intact,
    long EventCount,
    long LinkCount,
    IReadOnlyList<ChainStatus> Chains,
    long InsertedCount,
    IReadOnlyList<ChainProblem> Inserted,
    IReadOnlyList<HeadMismatch> PublishedHeadMismatches,
    ChainProblem? FirstProblem,
    Instant CheckedAt,
    long DurationMilliseconds);

/// <summary>
/// Walks every chain from its first link, recomputing each link from the event row as it is now, and names the first
/// event that was modified or deleted; then lists the events no link commits to (inserted around the application).
/// Marten's own gap-filling tombstones (type <c>tombstone</c>, no data) are not business events and are not linked.
/// Checked against previously published heads, it also catches a chain rewritten wholesale by someone who recomputed
/// every link after an edit.
/// </summary>
public static class ChainVerifier
{
    private const int MaxListed = 100;

    public static async Task<ChainVerification> VerifyAsync(IDocumentStore store, Instant now,
        IReadOnlyCollection<ChainHead>? publishedHeads = null, Action<string>? progress = null,
        CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = await OpenAsync(store, ct);

        var published = (publishedHeads ?? []).ToLookup(h => h.Chain);
        var statuses = new List<ChainStatus>();
        var mismatches = new List<HeadMismatch>();
        long links = 0;

        await using (var walk = new NpgsqlCommand($"""
            select c.chain, c.position, c.seq_id, c.event_id, c.stream_id, c.version, c.event_type, c.hash,
                   {StoredEvent.Columns}
            from {AuditChain.Qualified(schema)} c
            left join "{schema}".mt_events e on e.seq_id = c.seq_id
            order by c.chain, c.position
            """, connection))
        {
            walk.CommandTimeout = 0;
            await using var reader = await walk.ExecuteReaderAsync(ct);
            ChainWalk? current = null;
            while (await reader.ReadAsync(ct))
            {
                var chain = reader.GetString(0);
                if (current?.Chain != chain)
                {
                    if (current is not null) statuses.Add(current.Finish(mismatches));
                    current = new ChainWalk(chain, published[chain].ToList());
                    progress?.Invoke($"verifying chain {chain}");
                }
                links++;
                var link = new Link(chain, reader.GetInt64(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetGuid(4),
                    reader.GetInt64(5), reader.GetString(6), reader.GetString(7));
                current.Step(link, reader.IsDBNull(8) ? null : StoredEvent.Read(reader, 8));
                if (links % 50_000 == 0) progress?.Invoke($"{links} links verified");
            }
            if (current is not null) statuses.Add(current.Finish(mismatches));
        }

        // A published head of a chain that has no links at all any more.
        foreach (var gone in published.Where(p => statuses.All(s => s.Chain != p.Key)).SelectMany(p => p))
            mismatches.Add(new HeadMismatch(gone.Chain, gone.Position, gone.Hash, null));

        var inserted = new List<ChainProblem>();
        long insertedCount = 0, eventCount;
        await using (var unlinked = new NpgsqlCommand($"""
            select count(*) over (), e.seq_id, e.id, e.stream_id, e.version, e.type
            from "{schema}".mt_events e
            where e.type <> 'tombstone'
              and not exists (select 1 from {AuditChain.Qualified(schema)} c where c.seq_id = e.seq_id)
            order by e.seq_id
            limit {MaxListed}
            """, connection))
        {
            unlinked.CommandTimeout = 0;
            await using var reader = await unlinked.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                insertedCount = reader.GetInt64(0);
                inserted.Add(new ChainProblem(ChainProblemKind.Inserted, null, null, reader.GetInt64(1),
                    reader.GetGuid(2), reader.GetGuid(3), reader.GetInt64(4), reader.GetString(5)));
            }
        }
        await using (var count = new NpgsqlCommand($"select count(*) from \"{schema}\".mt_events", connection))
            eventCount = (long)(await count.ExecuteScalarAsync(ct))!;

        var first = statuses.Select(s => s.FirstProblem).Concat(inserted.Take(1)).OfType<ChainProblem>()
            .OrderBy(p => p.Sequence).FirstOrDefault();
        var intact = first is null && mismatches.Count == 0;
        progress?.Invoke(intact
            ? $"{links} links in {statuses.Count} chains verified, nothing inserted"
            : $"chain broken: first problem {first?.Kind} at event {first?.EventId}; {mismatches.Count} published heads not reproduced");
        return new ChainVerification(intact, eventCount, links, statuses, insertedCount, inserted, mismatches, first,
            now, clock.ElapsedMilliseconds);
    }

    /// <summary>The current head of every chain, to publish (for example daily, outside the database's reach).</summary>
    public static async Task<IReadOnlyList<ChainHead>> HeadsAsync(IDocumentStore store, CancellationToken ct = default)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = await OpenAsync(store, ct);
        await using var command = new NpgsqlCommand($"""
            select distinct on (chain) chain, position, hash, event_id, seq_id
            from {AuditChain.Qualified(schema)} order by chain, position desc
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var heads = new List<ChainHead>();
        while (await reader.ReadAsync(ct))
            heads.Add(new ChainHead(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetGuid(3),
                reader.GetInt64(4)));
        return heads;
    }

    /// <summary>An open connection to the store's database, with the chain table in place.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(StorageFeatures), ct);
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    private sealed record Link(string Chain, long Position, long Sequence, Guid EventId, Guid StreamId, long Version,
        string EventType, string Hash)
    {
        public ChainProblem Problem(ChainProblemKind kind) =>
            new(kind, Chain, Position, Sequence, EventId, StreamId, Version, EventType);
    }

    private sealed class ChainWalk(string chain, List<ChainHead> published)
    {
        private string _expected = ChainHash.Genesis;
        private long _position;
        private Link? _last;
        private ChainProblem? _problem;
        private readonly Dictionary<long, string> _recomputedAtPublished = [];

        public string Chain { get; } = chain;

        public void Step(Link link, StoredEvent? stored)
        {
            _last = link;
            if (_problem is not null) return;

            if (link.Position != _position + 1)
                _problem = link.Problem(ChainProblemKind.LinkMissing) with { Position = _position + 1 };
            else if (stored is null)
                _problem = link.Problem(ChainProblemKind.Deleted);
            else if (stored.Id != link.EventId || stored.StreamId != link.StreamId || stored.Version != link.Version ||
                     stored.Type != link.EventType)
                _problem = link.Problem(ChainProblemKind.Modified);
            else
            {
                var hash = ChainHash.Link(_expected, stored);
                if (hash != link.Hash) _problem = link.Problem(ChainProblemKind.Modified);
                else
                {
                    _expected = hash;
                    _position = link.Position;
                    if (published.Any(p => p.Position == link.Position)) _recomputedAtPublished[link.Position] = hash;
                }
            }
        }

        public ChainStatus Finish(List<HeadMismatch> mismatches)
        {
            foreach (var head in published)
            {
                var recomputed = _recomputedAtPublished.GetValueOrDefault(head.Position);
                if (recomputed != head.Hash) mismatches.Add(new HeadMismatch(Chain, head.Position, head.Hash, recomputed));
            }
            var last = _last is null ? null : new ChainHead(Chain, _last.Position, _last.Hash, _last.EventId, _last.Sequence);
            return new ChainStatus(Chain, _last?.Position ?? 0, last, _problem is null, _problem);
        }
    }
}
